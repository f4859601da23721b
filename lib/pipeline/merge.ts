// Load: dimensions, facts and rollups from the staged file, inside the caller's transaction.
import "server-only";

import type pg from "pg";

import { loadWithDeferredIndexes, withoutUserTriggers } from "../seed/bulk-load";
import {
  CREATE_ADDED_SQL,
  CREATE_CHANGED_SQL,
  CREATE_TOUCHED_SQL,
  createIncomingSql,
  INSERT_SALES_SQL,
  QUARANTINE_SQL,
  RECORD_TOUCHED_BUCKETS_SQL,
  REFRESH_ROW_HASHES_SQL,
  REJECT_FOREIGN_KEYS_SQL,
  UPDATE_SALES_SQL,
  UPSERT_DIMENSIONS_SQL,
} from "./merge-sql";
import { addAndRecomputeRollups, saleWritePrivileges } from "./rollup-buckets";

export interface MergeOptions {
  runId: number;
  scopeUnitId: number | null;
  dryRun: boolean;
  /** From this many changed rows on, rollups are maintained set-based instead of by the triggers. */
  bulkThreshold: number;
}

export interface MergeCounts {
  valid: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rollups: "triggers" | "set-based";
}

/** Writes the changed rows to "Sale"; the caller has chosen how rollups and checks are kept. */
async function writeSales(client: pg.ClientBase, runId: number) {
  const updated = (await client.query(UPDATE_SALES_SQL, [runId])).rowCount ?? 0;
  await client.query(REFRESH_ROW_HASHES_SQL);
  const inserted = (await client.query(INSERT_SALES_SQL, [runId])).rowCount ?? 0;
  return { updated, inserted };
}

export async function mergeStage(client: pg.ClientBase, options: MergeOptions): Promise<MergeCounts> {
  // Statistics only where plans depend on them: all columns cost a third of a second per million rows.
  await client.query("ANALYZE pipeline_stage (reason, external_key)");
  await client.query(REJECT_FOREIGN_KEYS_SQL, [options.scopeUnitId]);
  const { rows } = await client.query<{ valid: number; rejected: number }>(
    `SELECT count(*) FILTER (WHERE reason IS NULL)::int AS valid, count(*) FILTER (WHERE reason IS NOT NULL)::int AS rejected FROM pipeline_stage`,
  );
  const { valid, rejected } = rows[0]!;

  // A dry run does everything, then rolls the writes to dimensions and facts back.
  await client.query("SAVEPOINT pipeline_merge");
  // CREATE TABLE AS reports its row count: no second pass over a million rows to count them.
  const changed = (await client.query(CREATE_CHANGED_SQL)).rowCount ?? 0;
  // Without statistics the planner takes a million rows for a few and nests loops over them.
  await client.query("ANALYZE pipeline_changed");
  for (const sql of UPSERT_DIMENSIONS_SQL) await client.query(sql);
  const incoming = (await client.query(createIncomingSql(options.scopeUnitId))).rowCount ?? 0;
  // The joins also enforce the scope: a row they drop would break valid = inserted + updated + unchanged.
  if (incoming !== changed) throw new Error(`merge resolved ${incoming} of ${changed} changed rows`);
  await client.query("ANALYZE pipeline_incoming");

  const privileges = changed >= options.bulkThreshold && !options.dryRun ? await saleWritePrivileges(client) : null;
  let written: { updated: number; inserted: number };
  if (privileges === null) {
    written = await writeSales(client, options.runId);
  } else {
    // Writers wait until the load commits (as ALTER TABLE would make them), so the buckets stay exact.
    await client.query(`LOCK TABLE "Sale" IN SHARE ROW EXCLUSIVE MODE`);
    await client.query(CREATE_TOUCHED_SQL);
    await client.query(RECORD_TOUCHED_BUCKETS_SQL);
    await client.query(CREATE_ADDED_SQL);
    // The joins above proved every foreign key; a superuser skips re-checking them row by row.
    if (privileges.superuser) await client.query("SET LOCAL session_replication_role = replica");
    // Into an empty table, building the indexes afterwards is cheaper. Dropping them locks out
    // readers until commit, so a table with rows keeps its indexes: the KPI refresh reads it.
    written = privileges.empty
      ? await loadWithDeferredIndexes(client, ["Sale"], () => writeSales(client, options.runId), {
          keepForeignKeys: privileges.superuser,
        })
      : await withoutUserTriggers(client, ["Sale"], () => writeSales(client, options.runId));
    if (privileges.superuser) await client.query("SET LOCAL session_replication_role = DEFAULT");
    await addAndRecomputeRollups(client);
  }
  if (options.dryRun) await client.query("ROLLBACK TO SAVEPOINT pipeline_merge");
  else await client.query("RELEASE SAVEPOINT pipeline_merge");

  await client.query(QUARANTINE_SQL, [options.runId]);
  const { inserted, updated } = written;
  return { valid, rejected, inserted, updated, unchanged: valid - inserted - updated, rollups: privileges ? "set-based" : "triggers" };
}
