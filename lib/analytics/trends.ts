import "server-only";

import Decimal from "decimal.js";

import { growth, margin } from "../kpis/kpi-math";
import { db } from "../server/db";
import { addMonths } from "./filters";
import { toMeta, type AnalyticsQuery } from "./scope";
import { count, dailyWhere, dayBucket, isoDay, money, monthsThenDays, PRODUCT_ROLLUPS, type Numeric } from "./sql";
import type { TrendsReport } from "./types";

type PointRow = { period: Date; revenue: Numeric; profit: Numeric; orders: Numeric };
type MonthRow = { month: Date; revenue: Numeric };
type CategoryRow = { category: string; revenue: Numeric; profit: Numeric };

/** The range's series at its grain, 13 months with MoM and YoY (25 months read), and the category split. */
export async function getTrendsReport(query: AnalyticsQuery): Promise<TrendsReport> {
  const { range } = query;
  const monthsFrom = `${addMonths(range.to.slice(0, 7), -24)}-01`;
  const [points, months, categories] = await Promise.all([
    db.$queryRaw<PointRow[]>`
      SELECT ${dayBucket(query)} AS period, sum(r.revenue) AS revenue, sum(r.profit) AS profit, sum(r.orders) AS orders
      FROM "SalesDailyBranchRollup" r WHERE ${dailyWhere(query, range)} GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<MonthRow[]>`
      SELECT date_trunc('month', r.day)::date AS month, sum(r.revenue) AS revenue
      FROM "SalesDailyBranchRollup" r WHERE ${dailyWhere(query, { from: monthsFrom, to: range.to })} GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<CategoryRow[]>`
      WITH totals AS (
        SELECT "productId", sum(revenue) AS revenue, sum(profit) AS profit
        FROM (${monthsThenDays(query, range, ...PRODUCT_ROLLUPS)}) r GROUP BY 1
      )
      SELECT p.category, sum(t.revenue) AS revenue, sum(t.profit) AS profit
      FROM totals t JOIN "Product" p ON p.id = t."productId" GROUP BY 1 ORDER BY revenue DESC`,
  ]);
  const byMonth = new Map(months.map((row) => [isoDay(row.month).slice(0, 7), money(row.revenue)]));
  const total = categories.reduce((sum, row) => sum.plus(money(row.revenue)), new Decimal(0));
  return {
    meta: toMeta(query),
    grain: query.grain,
    series: points.map((row) => ({
      period: isoDay(row.period),
      revenue: money(row.revenue),
      profit: money(row.profit),
      orders: count(row.orders),
    })),
    months: Array.from({ length: 13 }, (_, index) => addMonths(range.to.slice(0, 7), index - 12)).map((month) => {
      const revenue = byMonth.get(month) ?? "0";
      return {
        month,
        revenue,
        mom: growth(revenue, byMonth.get(addMonths(month, -1)) ?? "0"),
        yoy: growth(revenue, byMonth.get(addMonths(month, -12)) ?? "0"),
      };
    }),
    categories: categories.map((row) => ({
      category: row.category,
      revenue: money(row.revenue),
      profit: money(row.profit),
      margin: margin(money(row.profit), money(row.revenue)),
      share: total.isZero() ? 0 : new Decimal(money(row.revenue)).div(total).toNumber(),
    })),
  };
}
