// Pareto (ABC) classification (pure): A earns the first 80 % of revenue, B the next 15 %, C the rest.
import Decimal from "decimal.js";

import type { AbcClass } from "./types";

const A_LIMIT = 0.8;
const B_LIMIT = 0.95;

/** Rows sorted by revenue (descending) with their share, running share and class. */
export function classifyAbc<T extends { revenue: string }>(
  rows: readonly T[],
): (T & { share: number; cumulativeShare: number; abc: AbcClass })[] {
  const sorted = [...rows].sort((a, b) => new Decimal(b.revenue).comparedTo(a.revenue));
  const total = sorted.reduce((sum, row) => sum.plus(Decimal.max(row.revenue, 0)), new Decimal(0));
  let running = new Decimal(0);
  return sorted.map((row) => {
    const before = total.isZero() ? 1 : running.div(total).toNumber();
    running = running.plus(Decimal.max(row.revenue, 0));
    const share = total.isZero() ? 0 : Decimal.max(row.revenue, 0).div(total).toNumber();
    // Classed by where the item starts: the item that crosses 80 % is still an A.
    const abc: AbcClass = before < A_LIMIT ? "A" : before < B_LIMIT ? "B" : "C";
    return { ...row, share, cumulativeShare: total.isZero() ? 0 : running.div(total).toNumber(), abc };
  });
}
