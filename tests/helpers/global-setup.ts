// Vitest global setup: one throwaway embedded PostgreSQL cluster for the whole run,
// with a migrated template database that every test file clones (see database.ts).
import { rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { ensureDatabase, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/schema-engine";

export const TEMPLATE_DATABASE = "pulseboard_template";

declare module "vitest" {
  export interface ProvidedContext {
    clusterUrl: string;
  }
}

/** A port nobody listens on now, so concurrent test runs never collide. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const port = process.env.TEST_PG_PORT ? Number(process.env.TEST_PG_PORT) : await findFreePort();
  const dataDir = path.resolve(`.data/test-postgres-${port}`);
  await rm(dataDir, { recursive: true, force: true });
  const cluster = await startEmbeddedPostgres({ dataDir, port, unsafeFast: true });
  const templateUrl = cluster.url(TEMPLATE_DATABASE);
  await ensureDatabase(templateUrl);
  await applyMigrations(templateUrl);
  project.provide("clusterUrl", cluster.url("postgres"));
  return async () => {
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
