// GET /api/v1/sales: sales lines in the caller's scope, filtered, sorted and keyset-paginated;
// ?format=csv streams every matching line (all pages) as CSV instead.
import { analyticsFiltersSchema } from "@/lib/analytics/filters";
import { resolveAnalyticsQuery } from "@/lib/analytics/scope";
import { csvResponse, exportFormatSchema } from "@/lib/csv/csv-response";
import { listSalesPage } from "@/lib/explorer/list-sales";
import { explorerOptionsSchema } from "@/lib/explorer/options";
import { SALES_CSV_COLUMNS, salesCsvRows } from "@/lib/explorer/sales-csv";
import { can } from "@/lib/permissions";
import { forbiddenError } from "@/lib/server/errors";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("sales.explore", async (request, { user }) => {
  const { format, q, sort, dir, limit, cursor, ...filters } = Object.fromEntries(request.nextUrl.searchParams);
  const { format: kind } = exportFormatSchema.parse({ format });
  if (kind === "csv" && !can(user.role, "sales.export")) throw forbiddenError("Your role does not allow exports.");
  const options = explorerOptionsSchema.parse({ q, sort, dir, limit, cursor });
  const query = await resolveAnalyticsQuery(user, analyticsFiltersSchema.parse(filters));
  if (kind === "json") return listSalesPage(query, options);
  return csvResponse(`sales-${query.range.from}-${query.range.to}.csv`, SALES_CSV_COLUMNS, salesCsvRows(query, options));
});
