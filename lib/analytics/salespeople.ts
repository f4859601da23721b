import "server-only";

import Decimal from "decimal.js";

import { growth, margin } from "../kpis/kpi-math";
import { db } from "../server/db";
import { toMeta, type AnalyticsQuery } from "./scope";
import { count, dailyWhere, money, type Numeric } from "./sql";
import type { SalespeopleReport } from "./types";

type Row = {
  id: number;
  name: string;
  branch: string | null;
  revenue: Numeric;
  profit: Numeric;
  orders: Numeric;
  units: Numeric;
  previous: Numeric;
};

/** Salespeople ranked by revenue over the range, with growth against the previous period of the same length. */
export async function getSalespeopleReport(query: AnalyticsQuery): Promise<SalespeopleReport> {
  const { range, previous } = query;
  const rows = await db.$queryRaw<Row[]>`
    SELECT sp.id, sp.name, b.name AS branch,
           sum(r.revenue) FILTER (WHERE r.day >= ${range.from}::date) AS revenue,
           sum(r.profit) FILTER (WHERE r.day >= ${range.from}::date) AS profit,
           sum(r.orders) FILTER (WHERE r.day >= ${range.from}::date) AS orders,
           sum(r.quantity) FILTER (WHERE r.day >= ${range.from}::date) AS units,
           sum(r.revenue) FILTER (WHERE r.day < ${range.from}::date) AS previous
    FROM "SalesDailySalespersonRollup" r JOIN "Salesperson" sp ON sp.id = r."salespersonId" LEFT JOIN "Branch" b ON b.id = sp."branchId"
    WHERE ${dailyWhere(query, { from: previous.from, to: range.to })}
    GROUP BY sp.id, b.name
    HAVING count(*) FILTER (WHERE r.day >= ${range.from}::date) > 0
    ORDER BY revenue DESC, sp.id`;
  return {
    meta: toMeta(query),
    rows: rows.map((row, index) => {
      const revenue = money(row.revenue);
      const orders = count(row.orders);
      return {
        id: row.id,
        rank: index + 1,
        name: row.name,
        branch: row.branch,
        revenue,
        profit: money(row.profit),
        margin: margin(money(row.profit), revenue),
        orders,
        units: count(row.units),
        averageDeal: orders === 0 ? "0" : new Decimal(revenue).div(orders).toDecimalPlaces(2).toString(),
        previousRevenue: money(row.previous),
        growth: growth(revenue, money(row.previous)),
      };
    }),
  };
}
