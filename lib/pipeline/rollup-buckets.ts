// Big loads switch the Sale triggers off and recompute only the rollup buckets they
// touched, set-based: one hash join of "Sale" with the touched keys per rollup, grouped.
// (Range lookups per bucket were planned as nested loops: minutes for a 1M-row load.)
import type pg from "pg";

import { recomputeTouchedSql } from "../sales/rollups";

const RECOMPUTE_SQL = [
  ...recomputeTouchedSql("pipeline_touched"),
  // The triggers would have poked the KPI refresh; delivered at commit.
  `SELECT pg_notify('pulseboard_sales_changed', '')`,
];

export async function recomputeTouchedRollups(client: pg.ClientBase): Promise<void> {
  await client.query("ANALYZE pipeline_touched");
  for (const sql of RECOMPUTE_SQL) await client.query(sql);
}

/** Disabling triggers needs table ownership; without it the triggers keep rollups exact. */
export async function canDisableSaleTriggers(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ owner: boolean }>(
    `SELECT pg_has_role(current_user, relowner, 'USAGE') AS owner FROM pg_class WHERE oid = '"Sale"'::regclass`,
  );
  return rows[0]?.owner === true;
}
