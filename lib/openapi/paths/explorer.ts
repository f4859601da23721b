// Documented routes of the data explorer.
import { analyticsFiltersSchema } from "../../analytics/filters";
import { exportFormatSchema } from "../../csv/csv-response";
import { explorerOptionsSchema, salesPageSchema } from "../../explorer/options";
import { rolesWith } from "../../permissions";
import { defineRoute } from "../define-route";
import { exporters, rangeNote } from "./analytics";

export const explorerRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/sales",
    summary: "Sales lines, filtered, sorted and keyset-paginated",
    description:
      `Scoped to the caller's business unit. ${rangeNote} Pass nextCursor back as cursor for the next page; a deep page costs ` +
      `what the first does. format=csv (${exporters} only) streams every matching line (all pages) as CSV, with spreadsheet formulas neutralized.`,
    tags: ["explorer"],
    access: "sales.explore",
    query: [analyticsFiltersSchema, explorerOptionsSchema, exportFormatSchema],
    response: { schema: salesPageSchema, description: "A page of lines; with format=csv, a text/csv attachment of all of them", csv: true },
    errors: {
      403: `A role other than ${rolesWith("sales.explore").join(", ")} (${exporters} for CSV), or another unit asked for by a scoped user`,
      422: "Invalid filters, sort, limit or cursor (code INVALID_CURSOR for a cursor the API did not issue)",
    },
  }),
];
