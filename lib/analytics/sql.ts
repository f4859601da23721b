import "server-only";

import { Prisma } from "../generated/prisma/client";
import { addDays, addMonths, type DateRange } from "./filters";
import type { AnalyticsQuery } from "./scope";

// Shared, parameterized WHERE fragments: every report filters by scope in SQL, never after the fact.
// Alias r = a rollup table.

function scopeFilter(query: AnalyticsQuery): Prisma.Sql {
  const unit = query.businessUnitId === null ? Prisma.empty : Prisma.sql` AND r."businessUnitId" = ${query.businessUnitId}`;
  const branch = query.branchId === null ? Prisma.empty : Prisma.sql` AND r."branchId" = ${query.branchId}`;
  return Prisma.sql`${unit}${branch}`;
}

/** Daily rollup rows of the range (local calendar days) in scope. */
export function dailyWhere(query: AnalyticsQuery, range: DateRange): Prisma.Sql {
  return Prisma.sql`r.day BETWEEN ${range.from}::date AND ${range.to}::date${scopeFilter(query)}`;
}

/** The range's whole months, [from, to) by first day (empty when from = to), and the days left at either edge. */
export function splitByMonths(range: DateRange): { months: { from: string; to: string }; edges: DateRange[] } {
  const firstWhole = range.from.endsWith("-01") ? range.from : `${addMonths(range.from.slice(0, 7), 1)}-01`;
  const afterLast = `${addDays(range.to, 1).slice(0, 7)}-01`;
  if (firstWhole >= afterLast) return { months: { from: firstWhole, to: firstWhole }, edges: [range] };
  const edges = [
    { from: range.from, to: addDays(firstWhole, -1) },
    { from: afterLast, to: range.to },
  ].filter((edge) => edge.from <= edge.to);
  return { months: { from: firstWhole, to: afterLast }, edges };
}

/**
 * A monthly rollup's rows for the range's whole months, then a daily rollup's rows for the days at
 * either edge, in scope: a year reads twelve months and a few weeks of days. Both selects give the
 * same columns; the table and column names are constants of the caller.
 */
export function monthsThenDays(
  query: AnalyticsQuery,
  range: DateRange,
  monthly: { table: string; columns: string },
  daily: { table: string; columns: string },
): Prisma.Sql {
  const { months, edges } = splitByMonths(range);
  const days =
    edges.length === 0
      ? Prisma.sql`FALSE`
      : Prisma.join(
          edges.map((edge) => Prisma.sql`r.day BETWEEN ${edge.from}::date AND ${edge.to}::date`),
          " OR ",
        );
  return Prisma.sql`
    SELECT ${Prisma.raw(monthly.columns)} FROM ${Prisma.raw(`"${monthly.table}"`)} r
    WHERE r.month >= ${months.from}::date AND r.month < ${months.to}::date${scopeFilter(query)}
    UNION ALL
    SELECT ${Prisma.raw(daily.columns)} FROM ${Prisma.raw(`"${daily.table}"`)} r WHERE (${days})${scopeFilter(query)}`;
}

/** Product measures by month and by day, for monthsThenDays. */
export const PRODUCT_ROLLUPS = [
  { table: "SalesMonthlyProductRollup", columns: `r."productId", r.revenue, r.profit, r.quantity` },
  { table: "SalesDailyRollup", columns: `r."productId", r.revenue, r.profit, r.quantity` },
] as const;

/** The period (first local day) a daily-rollup row belongs to at `grain`; weeks start on Monday. */
export function dayBucket(query: AnalyticsQuery): Prisma.Sql {
  return Prisma.sql`date_trunc(${query.grain}, r.day::timestamp)::date`;
}

export type Numeric = Prisma.Decimal | string | number | bigint | null;
/** A SQL numeric as an exact decimal string ("0" for null). */
export const money = (value: Numeric) => (value === null ? "0" : value.toString());
export const count = (value: Numeric) => (value === null ? 0 : Number(value));
export const isoDay = (value: Date | string) => (typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10));
