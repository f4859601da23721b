import "server-only";

import { growth, margin } from "../kpis/kpi-math";
import { db } from "../server/db";
import { toMeta, type AnalyticsQuery } from "./scope";
import { count, dailyWhere, dayBucket, isoDay, money, type Numeric } from "./sql";
import type { BranchesReport, BranchSeries } from "./types";

type TotalRow = { id: number; name: string; region: string; revenue: Numeric; profit: Numeric; previous: Numeric; orders: Numeric };
type PointRow = { id: number; period: Date; revenue: Numeric; profit: Numeric };

/** Branches side by side: totals and growth vs the previous period, and each branch's series over the range. */
export async function getBranchesReport(query: AnalyticsQuery): Promise<BranchesReport> {
  const { range, previous } = query;
  const [totals, points] = await Promise.all([
    db.$queryRaw<TotalRow[]>`
      WITH d AS (
        SELECT r."branchId", sum(r.revenue) FILTER (WHERE r.day >= ${range.from}::date) AS revenue,
               sum(r.profit) FILTER (WHERE r.day >= ${range.from}::date) AS profit,
               sum(r.orders) FILTER (WHERE r.day >= ${range.from}::date) AS orders,
               sum(r.revenue) FILTER (WHERE r.day < ${range.from}::date) AS previous
        FROM "SalesDailyBranchRollup" r WHERE ${dailyWhere(query, { from: previous.from, to: range.to })} GROUP BY r."branchId"
      )
      SELECT b.id, b.name, g.name AS region, d.revenue, d.profit, d.orders, d.previous
      FROM d JOIN "Branch" b ON b.id = d."branchId" JOIN "Region" g ON g.id = b."regionId"
      WHERE d.revenue IS NOT NULL ORDER BY d.revenue DESC, b.id`,
    db.$queryRaw<PointRow[]>`
      SELECT r."branchId" AS id, ${dayBucket(query)} AS period, sum(r.revenue) AS revenue, sum(r.profit) AS profit
      FROM "SalesDailyBranchRollup" r WHERE ${dailyWhere(query, range)} GROUP BY 1, 2 ORDER BY 2`,
  ]);
  const series = new Map<number, BranchSeries>(totals.map((row) => [row.id, { id: row.id, name: row.name, points: [] }]));
  for (const point of points)
    series.get(point.id)?.points.push({ period: isoDay(point.period), revenue: money(point.revenue), profit: money(point.profit) });
  return {
    meta: toMeta(query),
    grain: query.grain,
    rows: totals.map((row) => ({
      id: row.id,
      name: row.name,
      region: row.region,
      revenue: money(row.revenue),
      profit: money(row.profit),
      margin: margin(money(row.profit), money(row.revenue)),
      orders: count(row.orders),
      previousRevenue: money(row.previous),
      growth: growth(money(row.revenue), money(row.previous)),
    })),
    series: [...series.values()],
  };
}
