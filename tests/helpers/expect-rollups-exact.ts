// Asserts the rollup tables equal a full rebuild from "Sale" (shared by the rollup and pipeline tests).
import { expect } from "vitest";

import { INSERT_DAILY_ROLLUP_SQL, INSERT_HOURLY_ROLLUP_SQL } from "../../lib/sales/rollups";
import type { TestDatabase } from "./database";

const rebuildSelect = (insertSql: string) => insertSql.slice(insertSql.indexOf("SELECT")).replace(/ORDER BY[\s\S]*$/, "");
const HOURLY_COLUMNS = `hour, "businessUnitId", "branchId", orders, lines, quantity, revenue, cost, profit`;
const DAILY_COLUMNS = `day, "businessUnitId", "branchId", "salespersonId", "productId", lines, quantity, revenue, cost, profit`;

export async function expectRollupsExact(database: TestDatabase) {
  const [row] = await database.db.$queryRawUnsafe<{ hourly: number; daily: number }[]>(`
    SELECT
      (SELECT count(*)::int FROM ((SELECT ${HOURLY_COLUMNS} FROM "SalesHourlyRollup" EXCEPT ${rebuildSelect(INSERT_HOURLY_ROLLUP_SQL)})
        UNION ALL (${rebuildSelect(INSERT_HOURLY_ROLLUP_SQL)} EXCEPT SELECT ${HOURLY_COLUMNS} FROM "SalesHourlyRollup")) diff) AS hourly,
      (SELECT count(*)::int FROM ((SELECT ${DAILY_COLUMNS} FROM "SalesDailyRollup" EXCEPT ${rebuildSelect(INSERT_DAILY_ROLLUP_SQL)})
        UNION ALL (${rebuildSelect(INSERT_DAILY_ROLLUP_SQL)} EXCEPT SELECT ${DAILY_COLUMNS} FROM "SalesDailyRollup")) diff) AS daily`);
  expect(row).toEqual({ hourly: 0, daily: 0 });
}
