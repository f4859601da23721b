import "server-only";

import { Prisma } from "../generated/prisma/client";
import { db } from "../server/db";
import { env } from "../server/env";
import {
  BUSINESS_TIME_ZONE,
  businessDate,
  businessHour,
  shiftBusinessMonths,
  startOfBusinessDay,
  startOfBusinessMonth,
} from "../time/business-time";
import { sumSalesSpans } from "./sales-totals";
import type { KpiSnapshotPayload } from "./types";

const DAY_MS = 86_400_000;
const TOP_BRANCHES = 8;

export interface KpiScope {
  /** "all" or a business-unit slug. */
  key: string;
  businessUnitId: number | null;
}

const unitFilter = (businessUnitId: number | null) =>
  businessUnitId === null ? Prisma.sql`TRUE` : Prisma.sql`r."businessUnitId" = ${businessUnitId}`;

const money = (value: Prisma.Decimal | null) => (value === null ? "0" : value.toString());

/** Computes one scope's KPIs from the rollups (and raw rows only for partial hours). */
export async function computeKpiSnapshot(scope: KpiScope, now = new Date()): Promise<KpiSnapshotPayload> {
  const { businessUnitId } = scope;
  const dayStart = startOfBusinessDay(now);
  const yesterdayStart = new Date(dayStart.getTime() - DAY_MS);
  const monthStart = startOfBusinessMonth(now);
  const lastMonthNow = shiftBusinessMonths(now, -1);
  const filter = unitFilter(businessUnitId);
  // The month so far per unit and branch: whole days from the daily rollup, today's hours from the hourly one.
  const monthSoFar = Prisma.sql`
    SELECT r."businessUnitId", r."branchId", r.revenue, r.profit, 0 AS today FROM "SalesDailyBranchRollup" r
    WHERE r.day >= ${businessDate(monthStart)}::date AND r.day < ${businessDate(dayStart)}::date AND ${filter}
    UNION ALL
    SELECT r."businessUnitId", r."branchId", r.revenue, r.profit, r.revenue FROM "SalesHourlyRollup" r
    WHERE r.hour >= ${dayStart} AND r.hour <= ${now} AND ${filter}`;

  const [[today, sameTimeYesterday, monthToDate, sameTimeLastMonth], hourlyRows, unitRows, branchRows, regionRows, categoryRows] =
    await Promise.all([
      sumSalesSpans(
        [
          [dayStart, now],
          [yesterdayStart, new Date(now.getTime() - DAY_MS)],
          [monthStart, now],
          [startOfBusinessMonth(lastMonthNow), lastMonthNow],
        ],
        businessUnitId,
      ),
      db.$queryRaw<{ hour: Date; revenue: Prisma.Decimal }[]>`
        SELECT r.hour, sum(r.revenue) AS revenue FROM "SalesHourlyRollup" r
        WHERE r.hour >= ${yesterdayStart} AND r.hour <= ${now} AND ${filter} GROUP BY r.hour`,
      db.$queryRaw<{ slug: string; name: string; today: Prisma.Decimal | null; month: Prisma.Decimal | null }[]>`
        SELECT u.slug, u.name, sum(m.today) AS today, sum(m.revenue) AS month
        FROM "BusinessUnit" u LEFT JOIN (${monthSoFar}) m ON m."businessUnitId" = u.id
        WHERE ${businessUnitId === null ? Prisma.sql`TRUE` : Prisma.sql`u.id = ${businessUnitId}`}
        GROUP BY u.id ORDER BY u.name`,
      db.$queryRaw<{ id: number; name: string; region: string; revenue: Prisma.Decimal; profit: Prisma.Decimal }[]>`
        SELECT b.id, b.name, g.name AS region, sum(m.revenue) AS revenue, sum(m.profit) AS profit
        FROM (${monthSoFar}) m JOIN "Branch" b ON b.id = m."branchId" JOIN "Region" g ON g.id = b."regionId"
        GROUP BY b.id, g.name ORDER BY revenue DESC, b.id LIMIT ${TOP_BRANCHES}`,
      db.$queryRaw<{ code: string; name: string; counties: string[] | null; revenue: Prisma.Decimal | null }[]>`
        SELECT g.code, g.name, array_agg(DISTINCT b.county) FILTER (WHERE b.county IS NOT NULL) AS counties, sum(m.revenue) AS revenue
        FROM "Region" g JOIN "Branch" b ON b."regionId" = g.id
        LEFT JOIN (SELECT "branchId", sum(revenue) AS revenue FROM (${monthSoFar}) month GROUP BY 1) m ON m."branchId" = b.id
        GROUP BY g.id ORDER BY g.name`,
      // Per product first, then the few product rows joined for their category.
      db.$queryRaw<{ category: string; revenue: Prisma.Decimal }[]>`
        SELECT p.category, sum(r.revenue) AS revenue
        FROM (SELECT "productId", sum(revenue) AS revenue FROM "SalesMonthlyProductRollup" r
              WHERE r.month = ${businessDate(monthStart)}::date AND ${filter} GROUP BY 1) r
        JOIN "Product" p ON p.id = r."productId" GROUP BY p.category ORDER BY revenue DESC`,
    ]);

  const hourly = Array.from({ length: 24 }, (_, hour) => ({ hour, today: "0", yesterday: "0" }));
  const todayDate = businessDate(now);
  for (const row of hourlyRows) {
    const slot = hourly[businessHour(row.hour)]!;
    if (businessDate(row.hour) === todayDate) slot.today = money(row.revenue);
    else slot.yesterday = money(row.revenue);
  }

  return {
    scope: scope.key,
    asOf: now.toISOString(),
    timeZone: BUSINESS_TIME_ZONE,
    currency: env.CURRENCY,
    today: { current: today, previous: sameTimeYesterday },
    monthToDate: { current: monthToDate, previous: sameTimeLastMonth },
    units: unitRows.map((row) => ({
      slug: row.slug,
      name: row.name,
      revenueToday: money(row.today),
      revenueMonthToDate: money(row.month),
    })),
    hourly,
    topBranches: branchRows.map((row) => ({
      id: row.id,
      name: row.name,
      region: row.region,
      revenue: money(row.revenue),
      profit: money(row.profit),
    })),
    regions: regionRows.map((row) => ({ code: row.code, name: row.name, counties: row.counties ?? [], revenue: money(row.revenue) })),
    categories: categoryRows.map((row) => ({ category: row.category, revenue: money(row.revenue) })),
  };
}
