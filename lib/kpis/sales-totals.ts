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

type Piece = { source: "raw" | "hourly" | "daily"; from: Date; to: Date };

/** [from, to) as whole hours from the hourly rollup, the partial hours at either edge from raw rows. */
function hourPieces(from: Date, to: Date): Piece[] {
  if (from >= to) return [];
  const wholeFrom = ceilHour(from);
  const wholeTo = floorHour(to);
  if (wholeFrom >= wholeTo) return [{ source: "raw", from, to }];
  return [
    ...(from < wholeFrom ? [{ source: "raw" as const, from, to: wholeFrom }] : []),
    { source: "hourly", from: wholeFrom, to: wholeTo },
    ...(wholeTo < to ? [{ source: "raw" as const, from: wholeTo, to }] : []),
  ];
}

/** [from, to) as whole business days from the daily rollup, and hours (see hourPieces) at either edge. */
function spanPieces(from: Date, to: Date): Piece[] {
  if (from >= to) return [];
  const firstDay = startOfBusinessDay(from).getTime() === from.getTime() ? from : nextBusinessDay(from);
  const lastDay = startOfBusinessDay(to);
  if (firstDay >= lastDay) return hourPieces(from, to);
  return [...hourPieces(from, firstDay), { source: "daily", from: firstDay, to: lastDay }, ...hourPieces(lastDay, to)];
}

// One aggregate per source over all its pieces (a VALUES list joined by range): few statements to plan.
const MEASURES = Prisma.sql`sum(x.revenue) AS revenue, sum(x.cost) AS cost, sum(x.profit) AS profit, sum(x.lines) AS lines, sum(x.quantity) AS quantity`;

function sourceQuery(source: Piece["source"], pieces: { span: number; piece: Piece }[], unit: Prisma.Sql): Prisma.Sql {
  const ranges = Prisma.join(
    pieces.map(({ span, piece }) =>
      source === "daily"
        ? Prisma.sql`(${span}::int, ${businessDate(piece.from)}::date, ${businessDate(piece.to)}::date)`
        : Prisma.sql`(${span}::int, ${piece.from}::timestamptz, ${piece.to}::timestamptz)`,
    ),
  );
  if (source === "raw") {
    return Prisma.sql`
      SELECT k.span, sum(x.revenue) AS revenue, sum(x.cost) AS cost, sum(x.profit) AS profit, count(*) AS lines, sum(x.quantity) AS quantity,
             count(DISTINCT x."orderId") AS orders
      FROM (VALUES ${ranges}) k(span, f, t) JOIN "Sale" x ON x."soldAt" >= k.f AND x."soldAt" < k.t WHERE ${unit} GROUP BY k.span`;
  }
  const [table, column] = source === "hourly" ? ['"SalesHourlyRollup"', "hour"] : ['"SalesDailyBranchRollup"', "day"];
  return Prisma.sql`
    SELECT k.span, ${MEASURES}, sum(x.orders) AS orders
    FROM (VALUES ${ranges}) k(span, f, t) JOIN ${Prisma.raw(table)} x ON x.${Prisma.raw(column)} >= k.f AND x.${Prisma.raw(column)} < k.t
    WHERE ${unit} GROUP BY k.span`;
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
  const unit = unitFilter(Prisma.sql`x."businessUnitId"`, businessUnitId);
  const pieces = spans.flatMap(([from, to], span) => spanPieces(from, to).map((piece) => ({ span, piece })));
  const queries = (["raw", "hourly", "daily"] as const)
    .map((source) => ({ source, pieces: pieces.filter(({ piece }) => piece.source === source) }))
    .filter((group) => group.pieces.length > 0)
    .map((group) => sourceQuery(group.source, group.pieces, unit));
  const rows = queries.length === 0 ? [] : await db.$queryRaw<SpanRow[]>`${Prisma.join(queries, " UNION ALL ")}`;
  return spans.map((_, index) => rows.filter((row) => row.span === index).reduce<SalesTotals>(add, EMPTY_TOTALS)) as {
    [Index in keyof Spans]: SalesTotals;
  };
}
