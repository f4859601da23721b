// A load into a table with rows never locks readers out: the KPI refresh reads "Sale" and
// the rollups while a daily file loads, and must not wait for the load's commit.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { beforeAll, expect, it } from "vitest";

import { writeSampleFile } from "../lib/pipeline/sample-file";
import { seedDemoData } from "../lib/seed/seed-demo-data";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { runFile } from "./helpers/run-file";

const LINES = 40_000;
let database: TestDatabase;
let file: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.url, { lines: 5_000, now: new Date("2026-05-14T12:00:00Z") });
  file = path.join(await mkdtemp(path.join(os.tmpdir(), "pipeline-locks-")), "daily.csv");
  await writeSampleFile(file, { lines: LINES, skew: true, lastDay: "2026-05-14" });
});

/** Runs `probe` every 20 ms until `done` settles; resolves with the longest probe. */
async function repeatUntil(done: Promise<unknown>, probe: () => Promise<void>): Promise<number> {
  let finished = false;
  void done.finally(() => (finished = true));
  let longest = 0;
  while (!finished) {
    const started = performance.now();
    await probe();
    longest = Math.max(longest, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return longest;
}

it("a load bigger than the table keeps readers of Sale and the rollups running", async () => {
  const [watcher, reader] = [new pg.Client({ connectionString: database.url }), new pg.Client({ connectionString: database.url })];
  await Promise.all([watcher.connect(), reader.connect()]);
  const exclusive = new Set<string>();
  try {
    const load = runFile(database.url, { file });
    // The watcher reads only the catalog, so it sees an exclusive lock even while readers wait on it.
    const [, longestRead, run] = await Promise.all([
      repeatUntil(load, async () => {
        const { rows } = await watcher.query<{ relation: string }>(
          `SELECT c.relname AS relation FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
           WHERE l.mode = 'AccessExclusiveLock' AND c.relname IN ('Sale', 'SalesHourlyRollup', 'SalesDailyBranchRollup')`,
        );
        for (const row of rows) exclusive.add(row.relation);
      }),
      repeatUntil(load, async () => {
        await reader.query(`SELECT count(*) FROM "Sale" WHERE "soldAt" >= '2026-05-14'`);
        await reader.query(`SELECT sum(revenue) FROM "SalesHourlyRollup"`);
      }),
      load,
    ]);
    expect(run).toMatchObject({ status: "SUCCEEDED", rowsInserted: LINES });
    expect([...exclusive]).toEqual([]);
    expect(longestRead).toBeLessThan(1_000);
  } finally {
    await Promise.all([watcher.end(), reader.end()]);
  }
}, 120_000);
