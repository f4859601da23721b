// GET /api/v1/analytics/{salespeople|products|branches|customers|trends}: one analytics view for the global filters; ?format=csv exports it.
import { z } from "zod";

import { reportToCsv } from "@/lib/analytics/csv-export";
import { ANALYTICS_VIEWS, analyticsFiltersSchema } from "@/lib/analytics/filters";
import { getAnalyticsReport } from "@/lib/analytics/get-report";
import { resolveAnalyticsQuery } from "@/lib/analytics/scope";
import { can } from "@/lib/permissions";
import { forbiddenError, notFound } from "@/lib/server/errors";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

const formatSchema = z.object({ format: z.enum(["json", "csv"]).default("json") });

export const GET = withSession<{ view: string }>("dashboards.read", async (request, { user, params }) => {
  const view = ANALYTICS_VIEWS.find((name) => name === params.view);
  if (!view) throw notFound(`No analytics view "${params.view}".`);
  const { format, ...rest } = Object.fromEntries(request.nextUrl.searchParams);
  const { format: kind } = formatSchema.parse({ format });
  if (kind === "csv" && !can(user.role, "sales.export")) throw forbiddenError("Your role does not allow exports.");
  const query = await resolveAnalyticsQuery(user, analyticsFiltersSchema.parse(rest));
  const report = await getAnalyticsReport(view, query);
  if (kind === "json") return report;
  return new Response(reportToCsv(view, report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${view}-${query.range.from}-${query.range.to}.csv"`,
    },
  });
});
