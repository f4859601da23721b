// A fresh, migrated database per test file, cloned from the template built in global setup.
import { randomUUID } from "node:crypto";

import pg from "pg";
import { afterAll, inject } from "vitest";

import { createPrismaClient, type Database } from "../../lib/server/prisma-client";
import { TEMPLATE_DATABASE } from "./global-setup";

export interface TestDatabase {
  url: string;
  db: Database;
}

function assertLocal(url: string) {
  // Tests drop and create databases: never let them near a non-local server.
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") throw new Error(`refusing to run tests against ${host}`);
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("clusterUrl") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an isolated database for the calling test file and drops it afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const clusterUrl = inject("clusterUrl");
  assertLocal(clusterUrl);
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  const db = createPrismaClient(url.toString(), 4);
  afterAll(async () => {
    await db.$disconnect();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  return { url: url.toString(), db };
}
