// GET /api/v1/sales: sales lines in the caller's scope, filtered, sorted and keyset-paginated;
// ?format=csv streams every matching line (all pages) as CSV instead.
import { z } from "zod";

import { csvRows } from "@/lib/analytics/csv";
import { analyticsFiltersSchema } from "@/lib/analytics/filters";
import { resolveAnalyticsQuery } from "@/lib/analytics/scope";
import { allSales, listSalesPage } from "@/lib/explorer/list-sales";
import { explorerOptionsSchema, type SaleRecord } from "@/lib/explorer/options";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

const formatSchema = z.object({ format: z.enum(["json", "csv"]).default("json") });

const CSV_COLUMNS = [
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
const csvCells = (r: SaleRecord) => [
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

export const GET = withSession("sales.explore", async (request, { user }) => {
  const { format, q, sort, dir, limit, cursor, ...filters } = Object.fromEntries(request.nextUrl.searchParams);
  const { format: kind } = formatSchema.parse({ format });
  const options = explorerOptionsSchema.parse({ q, sort, dir, limit, cursor });
  const query = await resolveAnalyticsQuery(user, analyticsFiltersSchema.parse(filters));
  if (kind === "json") return listSalesPage(query, options);

  const encoder = new TextEncoder();
  const pages = allSales(query, options);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRows([CSV_COLUMNS])));
    },
    // Pulled as the client reads: a slow download never holds more than one page in memory.
    async pull(controller) {
      const next = await pages.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvRows(next.value.map(csvCells))));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="sales-${query.range.from}-${query.range.to}.csv"`,
    },
  });
});
