// Big loads switch the Sale triggers off and recompute only the rollup buckets they
// touched, set-based: one hash join of "Sale" with the touched keys, grouped. (Range
// lookups per bucket were planned as nested loops: minutes for a 1M-row load.)
import type pg from "pg";

import { BUSINESS_TIME_ZONE } from "../time/business-time";

const TZ = BUSINESS_TIME_ZONE;

const RECOMPUTE_SQL = [
  `CREATE TEMP TABLE pipeline_hours ON COMMIT DROP AS
   SELECT DISTINCT date_trunc('hour', "soldAt", 'UTC') AS hour, "businessUnitId" AS unit, "branchId" AS branch FROM pipeline_touched`,
  `CREATE TEMP TABLE pipeline_days ON COMMIT DROP AS
   SELECT DISTINCT ("soldAt" AT TIME ZONE '${TZ}')::date AS day, "businessUnitId" AS unit, "branchId" AS branch,
          "salespersonId" AS salesperson, "productId" AS product FROM pipeline_touched`,
  `DELETE FROM "SalesHourlyRollup" h USING pipeline_hours k WHERE h.hour = k.hour AND h."businessUnitId" = k.unit AND h."branchId" = k.branch`,
  `INSERT INTO "SalesHourlyRollup" (hour, "businessUnitId", "branchId", orders, lines, quantity, revenue, cost, profit)
   SELECT k.hour, k.unit, k.branch, count(DISTINCT s."orderId")::int, count(*)::int, sum(s.quantity)::int, sum(s.revenue), sum(s.cost), sum(s.profit)
   FROM "Sale" s JOIN pipeline_hours k ON k.hour = date_trunc('hour', s."soldAt", 'UTC') AND k.unit = s."businessUnitId" AND k.branch = s."branchId"
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  `DELETE FROM "SalesDailyRollup" d USING pipeline_days k
   WHERE d.day = k.day AND d."businessUnitId" = k.unit AND d."branchId" = k.branch AND d."salespersonId" = k.salesperson AND d."productId" = k.product`,
  `INSERT INTO "SalesDailyRollup" (day, "businessUnitId", "branchId", "salespersonId", "productId", lines, quantity, revenue, cost, profit)
   SELECT k.day, k.unit, k.branch, k.salesperson, k.product, count(*)::int, sum(s.quantity)::int, sum(s.revenue), sum(s.cost), sum(s.profit)
   FROM "Sale" s JOIN pipeline_days k ON k.day = (s."soldAt" AT TIME ZONE '${TZ}')::date AND k.unit = s."businessUnitId"
     AND k.branch = s."branchId" AND k.salesperson = s."salespersonId" AND k.product = s."productId"
   GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
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
