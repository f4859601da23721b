// Load: dimensions, facts and rollups from the staged file, inside the caller's transaction.
import type pg from "pg";

import {
  CREATE_TOUCHED_SQL,
  createIncomingSql,
  INSERT_SALES_SQL,
  QUARANTINE_SQL,
  RECORD_OLD_BUCKETS_SQL,
  REJECT_FOREIGN_KEYS_SQL,
  UPDATE_SALES_SQL,
  UPSERT_DIMENSIONS_SQL,
} from "./merge-sql";
import { canDisableSaleTriggers, recomputeTouchedRollups } from "./rollup-buckets";

export interface MergeOptions {
  runId: number;
  scopeUnitId: number | null;
  dryRun: boolean;
  /** From this many valid rows on, rollups are recomputed per bucket instead of by the triggers. */
  bulkThreshold: number;
}

export interface MergeCounts {
  valid: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rollups: "triggers" | "recomputed";
}

async function count(client: pg.ClientBase, sql: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(sql);
  return rows[0]?.n ?? 0;
}

export async function mergeStage(client: pg.ClientBase, options: MergeOptions): Promise<MergeCounts> {
  await client.query("ANALYZE pipeline_stage");
  await client.query(REJECT_FOREIGN_KEYS_SQL, [options.scopeUnitId]);
  const valid = await count(client, `SELECT count(*)::int AS n FROM pipeline_stage WHERE reason IS NULL`);
  const rejected = await count(client, `SELECT count(*)::int AS n FROM pipeline_stage WHERE reason IS NOT NULL`);

  // A dry run does everything, then rolls the writes to dimensions and facts back.
  await client.query("SAVEPOINT pipeline_merge");
  for (const sql of UPSERT_DIMENSIONS_SQL) await client.query(sql);
  await client.query(createIncomingSql(options.scopeUnitId));
  const incoming = await count(client, `SELECT count(*)::int AS n FROM pipeline_incoming`);
  // The joins also enforce the scope: a row they drop would break valid = inserted + updated + unchanged.
  if (incoming !== valid) throw new Error(`merge resolved ${incoming} of ${valid} valid rows`);
  await client.query("ANALYZE pipeline_incoming");
  await client.query(CREATE_TOUCHED_SQL);

  const bulk = valid >= options.bulkThreshold && !options.dryRun && (await canDisableSaleTriggers(client));
  if (bulk) {
    await client.query(RECORD_OLD_BUCKETS_SQL);
    await client.query(`ALTER TABLE "Sale" DISABLE TRIGGER USER`);
  }
  const updated = (await client.query(UPDATE_SALES_SQL, [options.runId])).rowCount ?? 0;
  const inserted = (await client.query(INSERT_SALES_SQL, [options.runId])).rowCount ?? 0;
  if (bulk) {
    await client.query(`ALTER TABLE "Sale" ENABLE TRIGGER USER`);
    await recomputeTouchedRollups(client);
  }
  if (options.dryRun) await client.query("ROLLBACK TO SAVEPOINT pipeline_merge");
  else await client.query("RELEASE SAVEPOINT pipeline_merge");

  await client.query(QUARANTINE_SQL, [options.runId]);
  return { valid, rejected, inserted, updated, unchanged: valid - inserted - updated, rollups: bulk ? "recomputed" : "triggers" };
}
