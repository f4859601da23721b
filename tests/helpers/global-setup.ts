// Vitest global setup: one throwaway embedded PostgreSQL cluster for the whole run,
// with a migrated template database that every test file clones (see database.ts).
import { rm } from "node:fs/promises";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { ensureDatabase, startEmbeddedPostgres } from "../../lib/database/embedded-postgres";
import { applyMigrations } from "../../lib/database/schema-engine";

export const TEMPLATE_DATABASE = "pulseboard_template";

declare module "vitest" {
  export interface ProvidedContext {
    clusterUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = path.resolve(".data/test-postgres");
  await rm(dataDir, { recursive: true, force: true });
  const port = Number(process.env.TEST_PG_PORT ?? 54339);
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
