import "server-only";

import Decimal from "decimal.js";

import { db } from "../server/db";
import { businessDate } from "../time/business-time";
import { daysBetween } from "./filters";
import { RFM_SEGMENTS, scoreRfm } from "./rfm";
import { toMeta, type AnalyticsQuery } from "./scope";
import { count, money, salesWhere, type Numeric } from "./sql";
import type { CustomersReport } from "./types";

const TOP_CUSTOMERS = 10;

type Row = { id: number; name: string; last: Date; orders: Numeric; revenue: Numeric };

/**
 * RFM over the range: recency is counted to the range's last day. Reads raw sales (no rollup
 * keeps customers), through the soldAt index.
 */
export async function getCustomersReport(query: AnalyticsQuery): Promise<CustomersReport> {
  const rows = await db.$queryRaw<Row[]>`
    WITH totals AS (
      SELECT s."customerId", max(s."soldAt") AS last, count(DISTINCT s."orderId") AS orders, sum(s.revenue) AS revenue
      FROM "Sale" s WHERE ${salesWhere(query, query.range)} GROUP BY 1
    )
    SELECT c.id, c.name, t.last, t.orders, t.revenue FROM totals t JOIN "Customer" c ON c.id = t."customerId"`;
  const scored = scoreRfm(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      lastPurchase: businessDate(row.last),
      recencyDays: Math.max(0, daysBetween(businessDate(row.last), query.range.to) - 1),
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
      return { segment, customers: members.length, revenue: members.reduce((sum, row) => sum.plus(row.revenue), new Decimal(0)).toString() };
    }),
    top: scored.slice(0, TOP_CUSTOMERS),
    rows: scored,
  };
}
