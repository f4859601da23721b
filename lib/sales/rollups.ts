// Set-based rebuild of the sales rollup tables from the "Sale" facts.
// An hour is date_trunc('hour', soldAt) in UTC (for a whole-hour offset such as Nairobi's
// UTC+3 that is also a local hour); a day is the calendar day in the business time zone.
import pg from "pg";

import { BUSINESS_TIME_ZONE } from "../time/business-time";

// Both inserts are sorted by primary key: appending to an index is far cheaper than inserting at random.
export const INSERT_HOURLY_ROLLUP_SQL = `
INSERT INTO "SalesHourlyRollup" (hour, "businessUnitId", "branchId", orders, lines, quantity, revenue, cost, profit)
SELECT date_trunc('hour', "soldAt", 'UTC'), "businessUnitId", "branchId",
       count(DISTINCT "orderId")::int, count(*)::int, sum(quantity)::int, sum(revenue), sum(cost), sum(profit)
FROM "Sale"
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3`;

export const INSERT_DAILY_ROLLUP_SQL = `
INSERT INTO "SalesDailyRollup" (day, "businessUnitId", "branchId", "salespersonId", "productId", lines, quantity, revenue, cost, profit)
SELECT ("soldAt" AT TIME ZONE '${BUSINESS_TIME_ZONE}')::date, "businessUnitId", "branchId", "salespersonId", "productId",
       count(*)::int, sum(quantity)::int, sum(revenue), sum(cost), sum(profit)
FROM "Sale"
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5`;

export const TRUNCATE_ROLLUPS_SQL = `TRUNCATE "SalesHourlyRollup", "SalesDailyRollup"`;

async function runRebuild(client: pg.ClientBase): Promise<void> {
  await client.query(TRUNCATE_ROLLUPS_SQL);
  await client.query(INSERT_HOURLY_ROLLUP_SQL);
  await client.query(INSERT_DAILY_ROLLUP_SQL);
}

/**
 * Recomputes both rollups from scratch. Given a client, runs inside the caller's
 * transaction (if any); given a pool, in a transaction of its own so readers never see them empty.
 */
export async function rebuildRollups(client: pg.ClientBase | pg.Pool): Promise<void> {
  if (!(client instanceof pg.Pool)) return runRebuild(client);
  const connection = await client.connect();
  try {
    await connection.query("BEGIN");
    await runRebuild(connection);
    await connection.query("COMMIT");
  } catch (error) {
    await connection.query("ROLLBACK");
    throw error;
  } finally {
    connection.release();
  }
}
