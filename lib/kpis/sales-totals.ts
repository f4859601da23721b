import "server-only";

import Decimal from "decimal.js";

import { Prisma } from "../generated/prisma/client";
import { db } from "../server/db";
import { businessDate, startOfBusinessDay } from "../time/business-time";
import type { SalesTotals } from "./types";

export const EMPTY_TOTALS: SalesTotals = { revenue: "0", cost: "0", profit: "0", orders: 0, lines: 0, quantity: 0 };

const HOUR_MS = 3_600_000;
const floorHour = (instant: Date) => new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);
const ceilHour = (instant: Date) => new Date(Math.ceil(instant.getTime() / HOUR_MS) * HOUR_MS);
// 30 hours past a day's start is inside the next day, whatever a DST change does.
const nextBusinessDay = (instant: Date) => startOfBusinessDay(new Date(startOfBusinessDay(instant).getTime() + 30 * HOUR_MS));

type TotalsRow = {
  revenue: Prisma.Decimal | string | null;
  cost: Prisma.Decimal | string | null;
  profit: Prisma.Decimal | string | null;
  orders: bigint | number | null;
  lines: bigint | number | null;
  quantity: bigint | number | null;
};

function unitFilter(column: Prisma.Sql, businessUnitId: number | null): Prisma.Sql {
  return businessUnitId === null ? Prisma.sql`TRUE` : Prisma.sql`${column} = ${businessUnitId}`;
}

/** Adds a query's row (or other totals) to totals. */
function add(a: SalesTotals, row: TotalsRow | SalesTotals | undefined): SalesTotals {
  if (!row) return a;
  return {
    revenue: new Decimal(a.revenue).plus(String(row.revenue ?? 0)).toString(),
    cost: new Decimal(a.cost).plus(String(row.cost ?? 0)).toString(),
    profit: new Decimal(a.profit).plus(String(row.profit ?? 0)).toString(),
    orders: a.orders + Number(row.orders ?? 0),
    lines: a.lines + Number(row.lines ?? 0),
    quantity: a.quantity + Number(row.quantity ?? 0),
  };
}

// Each part is one aggregate row over a piece of a span, planned with its own bounds (tiny raw
// ranges are estimated as tiny); the pieces of a span never overlap.
const rawPart = (from: Date, to: Date, unit: Prisma.Sql) => Prisma.sql`
  SELECT sum(revenue) AS revenue, sum(cost) AS cost, sum(profit) AS profit, count(DISTINCT "orderId") AS orders,
         count(*) AS lines, sum(quantity) AS quantity
  FROM "Sale" WHERE "soldAt" >= ${from} AND "soldAt" < ${to} AND ${unit}`;

const hourlyPart = (from: Date, to: Date, unit: Prisma.Sql) => Prisma.sql`
  SELECT sum(revenue) AS revenue, sum(cost) AS cost, sum(profit) AS profit, sum(orders) AS orders, sum(lines) AS lines, sum(quantity) AS quantity
  FROM "SalesHourlyRollup" WHERE hour >= ${from} AND hour < ${to} AND ${unit}`;

const dailyPart = (from: Date, to: Date, unit: Prisma.Sql) => Prisma.sql`
  SELECT sum(revenue) AS revenue, sum(cost) AS cost, sum(profit) AS profit, sum(orders) AS orders, sum(lines) AS lines, sum(quantity) AS quantity
  FROM "SalesDailyBranchRollup" WHERE day >= ${businessDate(from)}::date AND day < ${businessDate(to)}::date AND ${unit}`;

/** [from, to) as whole hours from the hourly rollup, the partial hours at either edge from raw rows. */
function hourParts(from: Date, to: Date, unit: Prisma.Sql): Prisma.Sql[] {
  if (from >= to) return [];
  const wholeFrom = ceilHour(from);
  const wholeTo = floorHour(to);
  if (wholeFrom >= wholeTo) return [rawPart(from, to, unit)];
  return [
    ...(from < wholeFrom ? [rawPart(from, wholeFrom, unit)] : []),
    hourlyPart(wholeFrom, wholeTo, unit),
    ...(wholeTo < to ? [rawPart(wholeTo, to, unit)] : []),
  ];
}

/** [from, to) as whole business days from the daily rollup, and hours (see hourParts) at either edge. */
function spanParts(from: Date, to: Date, unit: Prisma.Sql): Prisma.Sql[] {
  if (from >= to) return [];
  const firstDay = startOfBusinessDay(from).getTime() === from.getTime() ? from : nextBusinessDay(from);
  const lastDay = startOfBusinessDay(to);
  if (firstDay >= lastDay) return hourParts(from, to, unit);
  return [...hourParts(from, firstDay, unit), dailyPart(firstDay, lastDay, unit), ...hourParts(lastDay, to, unit)];
}

type SpanRow = TotalsRow & { span: number };

/**
 * Exact totals over each [from, to) span, in one round trip: whole business days from the daily
 * rollup, whole hours from the hourly one, and the partial hours at the edges from raw rows (short
 * index range scans).
 */
export async function sumSalesSpans<const Spans extends readonly (readonly [Date, Date])[]>(
  spans: Spans,
  businessUnitId: number | null,
): Promise<{ [Index in keyof Spans]: SalesTotals }> {
  const unit = unitFilter(Prisma.sql`"businessUnitId"`, businessUnitId);
  const parts = spans.flatMap(([from, to], index) =>
    spanParts(from, to, unit).map((part) => Prisma.sql`SELECT ${index}::int AS span, p.* FROM (${part}) p`),
  );
  const rows = parts.length === 0 ? [] : await db.$queryRaw<SpanRow[]>`${Prisma.join(parts, " UNION ALL ")}`;
  return spans.map((_, index) => rows.filter((row) => row.span === index).reduce<SalesTotals>(add, EMPTY_TOTALS)) as {
    [Index in keyof Spans]: SalesTotals;
  };
}
