// Big loads switch the Sale triggers off and keep the rollups set-based: the lines of new
// orders are added to their buckets in one grouped upsert per rollup, and the few buckets
// that cannot be added to (changed rows, new lines of known orders) are recomputed from
// "Sale", one index range read per bucket.
import "server-only";

import type pg from "pg";

import { addToRollupsSql, recomputeTouchedSql } from "../sales/rollups";

export async function addAndRecomputeRollups(client: pg.ClientBase): Promise<void> {
  await client.query("ANALYZE pipeline_added");
  for (const sql of addToRollupsSql("pipeline_added")) await client.query(sql);
  const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM pipeline_touched) AS any`);
  if (rows[0]?.any) {
    await client.query("ANALYZE pipeline_touched");
    for (const sql of recomputeTouchedSql("pipeline_touched")) await client.query(sql);
  }
  // The triggers would have poked the KPI refresh; delivered at commit.
  await client.query(`SELECT pg_notify('pulseboard_sales_changed', '')`);
}

export interface SaleWritePrivileges {
  /** May skip foreign-key checks (session_replication_role). */
  superuser: boolean;
  /** "Sale" has no rows yet: a first load may build its indexes afterwards. */
  empty: boolean;
}

/** Disabling triggers needs table ownership; without it (null) the triggers keep rollups exact. */
export async function saleWritePrivileges(client: pg.ClientBase): Promise<SaleWritePrivileges | null> {
  const { rows } = await client.query<{ owner: boolean; superuser: boolean; empty: boolean }>(
    `SELECT pg_has_role(current_user, relowner, 'USAGE') AS owner, current_setting('is_superuser') = 'on' AS superuser,
            NOT EXISTS (SELECT 1 FROM "Sale") AS empty
     FROM pg_class WHERE oid = '"Sale"'::regclass`,
  );
  const row = rows[0];
  return row?.owner ? { superuser: row.superuser, empty: row.empty } : null;
}
