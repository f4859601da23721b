import "server-only";

import { addDays } from "../analytics/filters";
import type { AnalyticsQuery } from "../analytics/scope";
import { Prisma } from "../generated/prisma/client";
import { db } from "../server/db";
import { AppError } from "../server/errors";
import { startOfBusinessDate } from "../time/business-time";
import type { ExplorerOptions, ExplorerSort, SaleRecord, SalesPage } from "./options";

// Each dimension search is capped: a search that matches more names than this is too broad to mean one.
const MAX_SEARCH_MATCHES = 1_000;

type Position = { value: string; id: number };

export const encodeCursor = (position: Position) => Buffer.from(JSON.stringify([position.value, position.id])).toString("base64url");

function decodeCursor(cursor: string, sort: ExplorerSort): Position {
  const invalid = new AppError(422, "INVALID_CURSOR", "The page cursor is not one this API returned; start again from the first page.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid;
  const [value, id] = parsed as unknown[];
  if (typeof value !== "string" || !Number.isSafeInteger(id)) throw invalid;
  const valid = sort === "soldAt" ? !Number.isNaN(Date.parse(value)) : /^-?\d+(\.\d+)?$/.test(value);
  if (!valid) throw invalid;
  return { value, id: id as number };
}

const SORT_COLUMNS: Record<ExplorerSort, Prisma.Sql> = { soldAt: Prisma.sql`s."soldAt"`, revenue: Prisma.sql`s.revenue` };

/** Names, SKUs and order ids matching the search, resolved to ids on the small dimension tables first. */
async function searchFilter(q: string | undefined): Promise<Prisma.Sql> {
  if (!q) return Prisma.empty;
  const pattern = `%${q.replace(/[\\%_]/g, "\\$&")}%`;
  const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
  const [customers, products, salespeople] = await Promise.all([
    db.$queryRaw<
      { id: number }[]
    >`SELECT id FROM "Customer" WHERE name ILIKE ${pattern} OR code ILIKE ${pattern} LIMIT ${MAX_SEARCH_MATCHES}`,
    db.$queryRaw<
      { id: number }[]
    >`SELECT id FROM "Product" WHERE name ILIKE ${pattern} OR sku ILIKE ${pattern} LIMIT ${MAX_SEARCH_MATCHES}`,
    db.$queryRaw<
      { id: number }[]
    >`SELECT id FROM "Salesperson" WHERE name ILIKE ${pattern} OR code ILIKE ${pattern} LIMIT ${MAX_SEARCH_MATCHES}`,
  ]);
  return Prisma.sql` AND (s."orderId" = ${q} OR s."customerId" = ANY(${ids(customers)}::int[]) OR s."productId" = ANY(${ids(products)}::int[])
    OR s."salespersonId" = ANY(${ids(salespeople)}::int[]))`;
}

type Row = Omit<SaleRecord, "soldAt" | "unitPrice" | "discount" | "revenue" | "cost" | "profit"> & {
  soldAt: Date;
  unitPrice: Prisma.Decimal;
  discount: Prisma.Decimal;
  revenue: Prisma.Decimal;
  cost: Prisma.Decimal;
  profit: Prisma.Decimal;
};

/**
 * One page of sales lines in the caller's scope, ordered by the sort column then id, continuing
 * after the cursor (keyset pagination: a deep page costs what the first one does).
 */
export async function listSales(
  query: AnalyticsQuery,
  options: Omit<ExplorerOptions, "cursor"> & { after?: Position },
): Promise<SalesPage> {
  const column = SORT_COLUMNS[options.sort];
  const direction = Prisma.raw(options.dir === "asc" ? "ASC" : "DESC");
  const after = options.after
    ? Prisma.sql` AND (${column}, s.id) ${Prisma.raw(options.dir === "asc" ? ">" : "<")} (${options.sort === "soldAt" ? new Date(options.after.value) : Prisma.sql`${options.after.value}::numeric`}, ${options.after.id})`
    : Prisma.empty;
  const unit = query.businessUnitId === null ? Prisma.empty : Prisma.sql` AND s."businessUnitId" = ${query.businessUnitId}`;
  const branch = query.branchId === null ? Prisma.empty : Prisma.sql` AND s."branchId" = ${query.branchId}`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT s.id, s."orderId", s."soldAt", u.slug AS unit, b.name AS branch, sp.name AS salesperson, p.sku, p.name AS product,
           c.name AS customer, s.quantity, s."unitPrice", s.discount, s.revenue, s.cost, s.profit, s.source::text AS source
    FROM "Sale" s
    JOIN "BusinessUnit" u ON u.id = s."businessUnitId" JOIN "Branch" b ON b.id = s."branchId"
    JOIN "Salesperson" sp ON sp.id = s."salespersonId" JOIN "Product" p ON p.id = s."productId" JOIN "Customer" c ON c.id = s."customerId"
    WHERE s."soldAt" >= ${startOfBusinessDate(query.range.from)} AND s."soldAt" < ${startOfBusinessDate(addDays(query.range.to, 1))}
      ${unit}${branch}${await searchFilter(options.q)}${after}
    ORDER BY ${column} ${direction}, s.id ${direction}
    LIMIT ${options.limit + 1}`;
  const page = rows.slice(0, options.limit).map((row): SaleRecord => ({
    ...row,
    soldAt: row.soldAt.toISOString(),
    unitPrice: row.unitPrice.toString(),
    discount: row.discount.toString(),
    revenue: row.revenue.toString(),
    cost: row.cost.toString(),
    profit: row.profit.toString(),
  }));
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > options.limit && last
        ? encodeCursor({ value: options.sort === "soldAt" ? last.soldAt : last.revenue, id: last.id })
        : null,
  };
}

/** The page after `cursor` (or the first page). */
export async function listSalesPage(query: AnalyticsQuery, options: ExplorerOptions): Promise<SalesPage> {
  const { cursor, ...rest } = options;
  return listSales(query, { ...rest, after: cursor === undefined ? undefined : decodeCursor(cursor, options.sort) });
}

/** Every matching line, page by page in the same order, for the CSV export. */
export async function* allSales(query: AnalyticsQuery, options: Omit<ExplorerOptions, "cursor" | "limit">): AsyncGenerator<SaleRecord[]> {
  let after: Position | undefined;
  for (;;) {
    const page = await listSales(query, { ...options, limit: 5_000, after });
    if (page.rows.length > 0) yield page.rows;
    const last = page.rows.at(-1);
    if (!page.nextCursor || !last) return;
    after = { value: options.sort === "soldAt" ? last.soldAt : last.revenue, id: last.id };
  }
}
