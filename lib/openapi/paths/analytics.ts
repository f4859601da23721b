// Documented routes of the analytics views.
import { z } from "zod";

import { ANALYTICS_VIEWS, analyticsFiltersSchema, MAX_RANGE_DAYS } from "../../analytics/filters";
import { analyticsReportSchemas } from "../../analytics/types";
import { exportFormatSchema } from "../../csv/csv-response";
import { rolesWith } from "../../permissions";
import { defineRoute } from "../define-route";

const { salespeople, products, branches, customers, trends } = analyticsReportSchemas;
/** Who may download CSV: the sales.export capability's roles. */
export const exporters = rolesWith("sales.export").join(", ");
export const rangeNote = `Dates are local business days (Africa/Nairobi), inclusive, at most ${MAX_RANGE_DAYS} days apart.`;

export const analyticsRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/analytics/{view}",
    summary: "One analytics view (salespeople, products, branches, customers, trends) for the global filters",
    description: `Scoped to the caller's business unit. ${rangeNote} format=csv downloads the view's main table (${exporters} only).`,
    tags: ["analytics"],
    access: "dashboards.read",
    params: z.object({ view: z.enum(ANALYTICS_VIEWS) }),
    query: [analyticsFiltersSchema, exportFormatSchema],
    response: {
      schema: z.union([salespeople, products, branches, customers, trends]),
      description: "The view's report; with format=csv, a text/csv attachment",
      csv: true,
    },
    errors: {
      403: `Another unit asked for by a scoped user, or CSV asked for by a role other than ${exporters}`,
      404: "Unknown view",
      422: "Invalid filters (bad, inverted or too long date range, unknown unit or branch)",
    },
  }),
];
