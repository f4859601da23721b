// Asserts every rollup table equals a full rebuild from "Sale" (shared by the rollup, pipeline and invoice tests).
import { expect } from "vitest";

import { columnsOf, rebuildSelectOf, SALES_ROLLUPS } from "../../lib/sales/rollups";
import type { TestDatabase } from "./database";

export async function expectRollupsExact(database: TestDatabase) {
  const differences = SALES_ROLLUPS.map((rollup) => {
    const stored = `SELECT ${columnsOf(rollup)} FROM "${rollup.table}"`;
    const rebuilt = rebuildSelectOf(rollup);
    return `(SELECT count(*)::int FROM ((${stored} EXCEPT ${rebuilt}) UNION ALL (${rebuilt} EXCEPT ${stored})) diff) AS "${rollup.table}"`;
  });
  const [row] = await database.db.$queryRawUnsafe<Record<string, number>[]>(`SELECT ${differences.join(", ")}`);
  expect(row).toEqual(Object.fromEntries(SALES_ROLLUPS.map((rollup) => [rollup.table, 0])));
}
