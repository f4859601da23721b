import "server-only";

import { Prisma } from "../generated/prisma/client";
import { BUSINESS_TIME_ZONE, zonedTimeToInstant } from "../time/business-time";
import { addDays, type DateRange } from "./filters";
import type { AnalyticsQuery } from "./scope";

// Shared, parameterized WHERE fragments: every report filters by scope in SQL, never after the fact.
// Aliases: r = a rollup table, s = "Sale".

/** The instant a local business day starts. */
export function startOfDay(day: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return zonedTimeToInstant({ year, month, day: date }, BUSINESS_TIME_ZONE);
}

function scopeFilter(query: AnalyticsQuery, alias: "r" | "s"): Prisma.Sql {
  const unit = query.businessUnitId === null ? Prisma.empty : Prisma.sql` AND ${Prisma.raw(alias)}."businessUnitId" = ${query.businessUnitId}`;
  const branch = query.branchId === null ? Prisma.empty : Prisma.sql` AND ${Prisma.raw(alias)}."branchId" = ${query.branchId}`;
  return Prisma.sql`${unit}${branch}`;
}

/** Daily rollup rows of the range (local calendar days) in scope. */
export function dailyWhere(query: AnalyticsQuery, range: DateRange): Prisma.Sql {
  return Prisma.sql`r.day BETWEEN ${range.from}::date AND ${range.to}::date${scopeFilter(query, "r")}`;
}

/** Hourly rollup rows of the range's local days in scope (hours are whole, so days split exactly). */
export function hourlyWhere(query: AnalyticsQuery, range: DateRange): Prisma.Sql {
  return Prisma.sql`r.hour >= ${startOfDay(range.from)} AND r.hour < ${startOfDay(addDays(range.to, 1))}${scopeFilter(query, "r")}`;
}

/** Raw sales of the range's local days in scope. */
export function salesWhere(query: AnalyticsQuery, range: DateRange): Prisma.Sql {
  return Prisma.sql`s."soldAt" >= ${startOfDay(range.from)} AND s."soldAt" < ${startOfDay(addDays(range.to, 1))}${scopeFilter(query, "s")}`;
}

/** The period (first local day) a daily-rollup row belongs to at `grain`; weeks start on Monday. */
export function dayBucket(query: AnalyticsQuery): Prisma.Sql {
  return Prisma.sql`date_trunc(${query.grain}, r.day::timestamp)::date`;
}

export function hourBucket(query: AnalyticsQuery): Prisma.Sql {
  return Prisma.sql`date_trunc(${query.grain}, r.hour AT TIME ZONE ${BUSINESS_TIME_ZONE})::date`;
}

export type Numeric = Prisma.Decimal | string | number | bigint | null;
/** A SQL numeric as an exact decimal string ("0" for null). */
export const money = (value: Numeric) => (value === null ? "0" : value.toString());
export const count = (value: Numeric) => (value === null ? 0 : Number(value));
export const isoDay = (value: Date | string) => (typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10));
