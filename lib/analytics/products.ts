import "server-only";

import Decimal from "decimal.js";

import { margin } from "../kpis/kpi-math";
import { db } from "../server/db";
import { classifyAbc } from "./pareto";
import { toMeta, type AnalyticsQuery } from "./scope";
import { count, money, monthsThenDays, PRODUCT_ROLLUPS, type Numeric } from "./sql";
import type { ProductsReport } from "./types";

const add = (a: string, b: string) => new Decimal(a).plus(b).toString();

type Row = { id: number; sku: string; name: string; line: string; category: string; revenue: Numeric; profit: Numeric; units: Numeric };

/** Products with their Pareto (ABC) class, and the same measures per product line. */
export async function getProductsReport(query: AnalyticsQuery): Promise<ProductsReport> {
  // Aggregate the rollups per product first, then join the few product rows.
  const rows = await db.$queryRaw<Row[]>`
    WITH totals AS (
      SELECT "productId", sum(revenue) AS revenue, sum(profit) AS profit, sum(quantity) AS units
      FROM (${monthsThenDays(query, query.range, ...PRODUCT_ROLLUPS)}) r GROUP BY "productId"
    )
    SELECT p.id, p.sku, p.name, p.line, p.category, t.revenue, t.profit, t.units
    FROM totals t JOIN "Product" p ON p.id = t."productId"`;
  const products = rows.map((row) => ({
    id: row.id,
    sku: row.sku,
    name: row.name,
    line: row.line,
    category: row.category,
    revenue: money(row.revenue),
    profit: money(row.profit),
    margin: margin(money(row.profit), money(row.revenue)),
    units: count(row.units),
  }));
  const lines = new Map<string, { revenue: string; profit: string; units: number }>();
  for (const product of products) {
    const line = lines.get(product.line) ?? { revenue: "0", profit: "0", units: 0 };
    lines.set(product.line, {
      revenue: add(line.revenue, product.revenue),
      profit: add(line.profit, product.profit),
      units: line.units + product.units,
    });
  }
  return {
    meta: toMeta(query),
    rows: classifyAbc(products),
    lines: [...lines.entries()]
      .map(([line, totals]) => ({ line, ...totals, margin: margin(totals.profit, totals.revenue) }))
      .sort((a, b) => new Decimal(b.revenue).comparedTo(a.revenue)),
  };
}
