import "server-only";

import type { AnalyticsQuery } from "../analytics/scope";
import type { CsvCell } from "../csv/csv-rows";
import { allSales } from "./list-sales";
import type { ExplorerOptions, SaleRecord } from "./options";

/** The explorer's CSV export: one line per sale, every page of the search. */
export const SALES_CSV_COLUMNS = [
  "id",
  "order_id",
  "sold_at",
  "business_unit",
  "branch",
  "salesperson",
  "product_sku",
  "product_name",
  "customer",
  "quantity",
  "unit_price",
  "discount",
  "revenue",
  "cost",
  "profit",
  "source",
];

const cells = (r: SaleRecord): CsvCell[] => [
  r.id,
  r.orderId,
  r.soldAt,
  r.unit,
  r.branch,
  r.salesperson,
  r.sku,
  r.product,
  r.customer,
  r.quantity,
  r.unitPrice,
  r.discount,
  r.revenue,
  r.cost,
  r.profit,
  r.source,
];

/** CSV rows page by page; stopping early (a cancelled download) closes the underlying query. */
export async function* salesCsvRows(query: AnalyticsQuery, options: Omit<ExplorerOptions, "cursor" | "limit">) {
  for await (const page of allSales(query, options)) yield page.map(cells);
}
