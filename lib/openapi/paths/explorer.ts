// OpenAPI paths of the data explorer (merged into lib/openapi/document.ts).
import { MAX_RANGE_DAYS } from "../../analytics/filters";
import { DEFAULT_PAGE_SIZE, EXPLORER_SORTS, MAX_PAGE_SIZE } from "../../explorer/options";
import { errorResponse, json } from "../schema-helpers";
import { filterParameters, query } from "./analytics";

const money = { type: "string", description: "decimal, exact" };

const saleRecord = {
  type: "object",
  properties: {
    id: { type: "integer" },
    orderId: { type: "string" },
    soldAt: { type: "string", format: "date-time" },
    unit: { type: "string" },
    branch: { type: "string" },
    salesperson: { type: "string" },
    sku: { type: "string" },
    product: { type: "string" },
    customer: { type: "string" },
    quantity: { type: "integer" },
    unitPrice: money,
    discount: money,
    revenue: money,
    cost: money,
    profit: money,
    source: { enum: ["SEED", "IMPORT", "SIMULATOR"] },
  },
};

export const explorerPaths = {
  "/api/v1/sales": {
    get: {
      tags: ["explorer"],
      summary: "Sales lines, filtered, sorted and keyset-paginated (ADMIN, MANAGER, ANALYST)",
      description: `Scoped to the caller's business unit. Dates are local business days, inclusive, at most ${MAX_RANGE_DAYS} days apart. Pass nextCursor back as cursor for the next page; a deep page costs what the first does. format=csv streams every matching line (all pages) as CSV, with spreadsheet formulas neutralized.`,
      parameters: [
        ...filterParameters,
        query("q", "Order id, or part of a product name or SKU, customer or salesperson name or code", { type: "string", maxLength: 100 }),
        query("sort", "Sort column (default soldAt)", { type: "string", enum: EXPLORER_SORTS }),
        query("dir", "Sort direction (default desc)", { type: "string", enum: ["asc", "desc"] }),
        query("limit", `Lines per page (default ${DEFAULT_PAGE_SIZE})`, { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE }),
        query("cursor", "nextCursor of the previous page", { type: "string" }),
        query("format", "json (default) or csv", { type: "string", enum: ["json", "csv"] }),
      ],
      responses: {
        "200": json("A page of lines; with format=csv, a text/csv attachment of all of them", {
          type: "object",
          properties: { rows: { type: "array", items: saleRecord }, nextCursor: { type: ["string", "null"] } },
        }),
        "401": errorResponse("Not signed in"),
        "403": errorResponse("A viewer, or another unit asked for by a scoped user"),
        "422": errorResponse("Invalid filters, sort, limit or cursor (code INVALID_CURSOR for a cursor the API did not issue)"),
      },
    },
  },
};
