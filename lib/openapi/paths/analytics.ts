// OpenAPI paths of the analytics feature (merged into lib/openapi/document.ts).
import { ANALYTICS_VIEWS, DATE_PRESETS, GRAINS, MAX_RANGE_DAYS } from "../../analytics/filters";
import { errorResponse, json } from "../schema-helpers";

export const query = (name: string, description: string, schema: object) => ({ name, in: "query", required: false, description, schema });

/** The global filters, shared with every route that reads sales by range and scope. */
export const filterParameters = [
  query("from", "First day, YYYY-MM-DD (with to)", { type: "string", format: "date" }),
  query("to", "Last day, YYYY-MM-DD (with from)", { type: "string", format: "date" }),
  query("preset", "Range ending today when from/to are absent (default 90d)", { type: "string", enum: DATE_PRESETS }),
  query("unit", "Business-unit slug, or all", { type: "string" }),
  query("branch", "Branch id", { type: "integer" }),
];

export const analyticsPaths = {
  "/api/v1/analytics/{view}": {
    get: {
      tags: ["analytics"],
      summary: "One analytics view (salespeople, products, branches, customers, trends) for the global filters",
      description: `Scoped to the caller's business unit. Dates are local business days (Africa/Nairobi), inclusive, at most ${MAX_RANGE_DAYS} days apart. format=csv downloads the view's main table (ADMIN, MANAGER, ANALYST only).`,
      parameters: [
        { name: "view", in: "path", required: true, schema: { type: "string", enum: ANALYTICS_VIEWS } },
        ...filterParameters,
        query("grain", "Series granularity (default by range length)", { type: "string", enum: GRAINS }),
        query("format", "json (default) or csv", { type: "string", enum: ["json", "csv"] }),
      ],
      responses: {
        "200": json("The view's report; with format=csv, a text/csv attachment", { type: "object" }),
        "401": errorResponse("Not signed in"),
        "403": errorResponse("Another unit asked for by a scoped user, or CSV asked for by a viewer"),
        "404": errorResponse("Unknown view"),
        "422": errorResponse("Invalid filters (bad, inverted or too long date range, unknown unit or branch)"),
      },
    },
  },
};
