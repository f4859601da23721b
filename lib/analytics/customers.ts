import "server-only";

import Decimal from "decimal.js";

import { db } from "../server/db";
import { daysBetween } from "./filters";
import { RFM_SEGMENTS, scoreRfm } from "./rfm";
import { toMeta, type AnalyticsQuery } from "./scope";
import { count, isoDay, money, monthsThenDays, type Numeric } from "./sql";
import type { CustomersReport } from "./types";

const TOP_CUSTOMERS = 10;

type Row = { id: number; name: string; last: Date; orders: Numeric; revenue: Numeric };

/** RFM over the range: recency is counted to the range's last day. Reads the customer rollups. */
export async function getCustomersReport(query: AnalyticsQuery): Promise<CustomersReport> {
  const source = monthsThenDays(
    query,
    query.range,
    { table: "SalesMonthlyCustomerRollup", columns: `r."customerId", r."lastDay" AS last, r.orders, r.revenue` },
    { table: "SalesDailyCustomerRollup", columns: `r."customerId", r.day AS last, r.orders, r.revenue` },
  );
  const rows = await db.$queryRaw<Row[]>`
    WITH totals AS (
      SELECT "customerId", max(last) AS last, sum(orders) AS orders, sum(revenue) AS revenue FROM (${source}) r GROUP BY 1
    )
    SELECT c.id, c.name, t.last, t.orders, t.revenue FROM totals t JOIN "Customer" c ON c.id = t."customerId"`;
  const scored = scoreRfm(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      lastPurchase: isoDay(row.last),
      recencyDays: Math.max(0, daysBetween(isoDay(row.last), query.range.to) - 1),
      orders: count(row.orders),
      revenueText: money(row.revenue),
      revenue: Number(money(row.revenue)),
    })),
  ).map(({ revenueText, ...row }) => ({ ...row, revenue: revenueText }));
  scored.sort((a, b) => new Decimal(b.revenue).comparedTo(a.revenue) || a.id - b.id);
  const total = scored.reduce((sum, row) => sum.plus(row.revenue), new Decimal(0));
  return {
    meta: toMeta(query),
    customers: scored.length,
    revenue: total.toString(),
    averagePerCustomer: scored.length === 0 ? "0" : total.div(scored.length).toDecimalPlaces(2).toString(),
    segments: RFM_SEGMENTS.map((segment) => {
      const members = scored.filter((row) => row.segment === segment);
      return {
        segment,
        customers: members.length,
        revenue: members.reduce((sum, row) => sum.plus(row.revenue), new Decimal(0)).toString(),
      };
    }),
    top: scored.slice(0, TOP_CUSTOMERS),
    rows: scored,
  };
}
