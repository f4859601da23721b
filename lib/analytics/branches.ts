import "server-only";

import { growth, margin } from "../kpis/kpi-math";
import { db } from "../server/db";
import { toMeta, type AnalyticsQuery } from "./scope";
import { count, hourBucket, hourlyWhere, isoDay, money, startOfDay, type Numeric } from "./sql";
import type { BranchesReport, BranchSeries } from "./types";

type TotalRow = { id: number; name: string; region: string; revenue: Numeric; profit: Numeric; previous: Numeric; orders: Numeric };
type PointRow = { id: number; period: Date; revenue: Numeric; profit: Numeric };

/** Branches side by side: totals and growth vs the previous period, and each branch's series over the range. */
export async function getBranchesReport(query: AnalyticsQuery): Promise<BranchesReport> {
  const { range, previous } = query;
  const from = startOfDay(range.from);
  const [totals, points] = await Promise.all([
    // Orders add up only at the hourly grain (an order is one hour, unit and branch).
    db.$queryRaw<TotalRow[]>`
      WITH h AS (
        SELECT r."branchId", sum(r.revenue) FILTER (WHERE r.hour >= ${from}) AS revenue,
               sum(r.profit) FILTER (WHERE r.hour >= ${from}) AS profit,
               sum(r.orders) FILTER (WHERE r.hour >= ${from}) AS orders,
               sum(r.revenue) FILTER (WHERE r.hour < ${from}) AS previous
        FROM "SalesHourlyRollup" r WHERE ${hourlyWhere(query, { from: previous.from, to: range.to })} GROUP BY r."branchId"
      )
      SELECT b.id, b.name, g.name AS region, h.revenue, h.profit, h.orders, h.previous
      FROM h JOIN "Branch" b ON b.id = h."branchId" JOIN "Region" g ON g.id = b."regionId"
      WHERE h.revenue IS NOT NULL ORDER BY h.revenue DESC, b.id`,
    db.$queryRaw<PointRow[]>`
      SELECT r."branchId" AS id, ${hourBucket(query)} AS period, sum(r.revenue) AS revenue, sum(r.profit) AS profit
      FROM "SalesHourlyRollup" r WHERE ${hourlyWhere(query, range)} GROUP BY 1, 2 ORDER BY 2`,
  ]);
  const series = new Map<number, BranchSeries>(totals.map((row) => [row.id, { id: row.id, name: row.name, points: [] }]));
  for (const point of points) series.get(point.id)?.points.push({ period: isoDay(point.period), revenue: money(point.revenue), profit: money(point.profit) });
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
