// GET /api/v1/analytics/{salespeople|products|branches|customers|trends}: one analytics view for the global filters; ?format=csv exports it.
import { reportTable } from "@/lib/analytics/csv-export";
import { ANALYTICS_VIEWS, analyticsFiltersSchema } from "@/lib/analytics/filters";
import { getAnalyticsReport } from "@/lib/analytics/get-report";
import { resolveAnalyticsQuery } from "@/lib/analytics/scope";
import { csvResponse, exportFormatSchema } from "@/lib/csv/csv-response";
import { can } from "@/lib/permissions";
import { forbiddenError, notFound } from "@/lib/server/errors";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession<{ view: string }>("dashboards.read", async (request, { user, params }) => {
  const view = ANALYTICS_VIEWS.find((name) => name === params.view);
  if (!view) throw notFound(`No analytics view "${params.view}".`);
  const { format, ...rest } = Object.fromEntries(request.nextUrl.searchParams);
  const { format: kind } = exportFormatSchema.parse({ format });
  if (kind === "csv" && !can(user.role, "sales.export")) throw forbiddenError("Your role does not allow exports.");
  const query = await resolveAnalyticsQuery(user, analyticsFiltersSchema.parse(rest));
  const report = await getAnalyticsReport(view, query);
  if (kind === "json") return report;
  const { columns, rows } = reportTable(view, report);
  return csvResponse(`${view}-${query.range.from}-${query.range.to}.csv`, columns, [rows]);
});
