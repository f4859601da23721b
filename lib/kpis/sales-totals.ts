import "server-only";

import Decimal from "decimal.js";

import { Prisma } from "../generated/prisma/client";
import { db } from "../server/db";
import type { SalesTotals } from "./types";

export const EMPTY_TOTALS: SalesTotals = { revenue: "0", cost: "0", profit: "0", orders: 0, lines: 0, quantity: 0 };

const HOUR_MS = 3_600_000;
const floorHour = (instant: Date) => new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);
const ceilHour = (instant: Date) => new Date(Math.ceil(instant.getTime() / HOUR_MS) * HOUR_MS);

type TotalsRow = { revenue: Prisma.Decimal | string | null; cost: Prisma.Decimal | string | null; profit: Prisma.Decimal | string | null; orders: bigint | number | null; lines: bigint | number | null; quantity: bigint | number | null };

function unitFilter(column: Prisma.Sql, businessUnitId: number | null): Prisma.Sql {
  return businessUnitId === null ? Prisma.sql`TRUE` : Prisma.sql`${column} = ${businessUnitId}`;
}

function add(a: SalesTotals, row: TotalsRow | undefined): SalesTotals {
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

async function sumRawSales(from: Date, to: Date, businessUnitId: number | null): Promise<TotalsRow | undefined> {
  if (from >= to) return undefined;
  const [row] = await db.$queryRaw<TotalsRow[]>`
    SELECT sum(revenue) AS revenue, sum(cost) AS cost, sum(profit) AS profit, count(DISTINCT "orderId") AS orders,
           count(*) AS lines, sum(quantity) AS quantity
    FROM "Sale" WHERE "soldAt" >= ${from} AND "soldAt" < ${to} AND ${unitFilter(Prisma.sql`"businessUnitId"`, businessUnitId)}`;
  return row;
}

async function sumHourlyRollups(from: Date, to: Date, businessUnitId: number | null): Promise<TotalsRow | undefined> {
  if (from >= to) return undefined;
  const [row] = await db.$queryRaw<TotalsRow[]>`
    SELECT sum(revenue) AS revenue, sum(cost) AS cost, sum(profit) AS profit, sum(orders) AS orders,
           sum(lines) AS lines, sum(quantity) AS quantity
    FROM "SalesHourlyRollup" WHERE hour >= ${from} AND hour < ${to} AND ${unitFilter(Prisma.sql`"businessUnitId"`, businessUnitId)}`;
  return row;
}

/**
 * Exact totals over [from, to): whole hours from the hourly rollup, the partial
 * hours at either edge from the raw rows (a short index range scan).
 */
export async function sumSales(from: Date, to: Date, businessUnitId: number | null): Promise<SalesTotals> {
  if (from >= to) return EMPTY_TOTALS;
  const wholeFrom = ceilHour(from);
  const wholeTo = floorHour(to);
  if (wholeFrom >= wholeTo) return add(EMPTY_TOTALS, await sumRawSales(from, to, businessUnitId));
  const parts = await Promise.all([
    sumRawSales(from, wholeFrom, businessUnitId),
    sumHourlyRollups(wholeFrom, wholeTo, businessUnitId),
    sumRawSales(wholeTo, to, businessUnitId),
  ]);
  return parts.reduce(add, EMPTY_TOTALS);
}
