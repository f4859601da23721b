// OpenAPI paths of the invoices feature (merged into lib/openapi/document.ts). These keep the
// paths of the original invoice-stream system (PRODUCT §2.2), outside /api/v1.
import { errorResponse, json } from "../schema-helpers";

const security = [{ session: [] }, { bearer: [] }];
const money = (description: string) => ({ type: "string", pattern: "^-?\\d+\\.\\d{2}$", description });

const generatorStatus = {
  type: "object",
  required: ["state", "ratePerSecond", "produced", "startedAt", "endsAt"],
  properties: {
    state: { enum: ["RUNNING", "IDLE"] },
    ratePerSecond: { type: "integer" },
    durationSeconds: { type: "integer" },
    produced: { type: "integer", description: "Invoices of the current or last run in the caller's scope." },
    startedAt: { type: ["string", "null"], format: "date-time" },
    endsAt: { type: ["string", "null"], format: "date-time" },
    businessUnit: { type: ["string", "null"], description: "Slug of the unit the run generates for; null for every unit." },
  },
};

const invoiceSummary = {
  type: "object",
  properties: {
    id: { type: "integer" },
    number: { type: "string", examples: ["SIM-ORGLIGHT-000123"] },
    company: { type: "string" },
    businessUnit: { type: "string", description: "The unit's display name." },
    branch: { type: "string" },
    subtotal: money("Sum of the lines"),
    vat: money("subtotal × VAT rate, rounded half up to the cent"),
    total: money("subtotal + vat"),
    issuedAt: { type: "string", format: "date-time" },
  },
};

const controlResponses = (summary: string) => ({
  "200": json(summary, generatorStatus),
  "401": errorResponse("No session or API token"),
  "403": errorResponse("Not an ADMIN or MANAGER, or outside the manager's business unit"),
});

const scopeNote =
  "Callers scoped to a business unit see only that unit. A scoped MANAGER starts runs for its unit only, may stop a run " +
  "only when it generates for its unit alone, and its Reset removes only its unit's generated invoices.";

export const invoicePaths = {
  "/api/stats": {
    get: {
      summary: "Running totals of generated invoices",
      description: `Kept incrementally with every insert, never recounted. ${scopeNote}`,
      tags: ["invoices"],
      security,
      responses: {
        "200": json("Totals in the caller's scope", {
          type: "object",
          required: ["count", "subtotal", "vat", "total", "average"],
          properties: {
            count: { type: "integer" },
            subtotal: money("Σ subtotal"),
            vat: money("Σ VAT"),
            total: money("Σ total"),
            average: money("total ÷ count"),
          },
        }),
        "401": errorResponse("No session or API token"),
      },
    },
  },
  "/api/system/status": {
    get: {
      summary: "The invoice generator's state",
      tags: ["invoices"],
      security,
      responses: { "200": json("Generator status", generatorStatus), "401": errorResponse("No session or API token") },
    },
  },
  "/api/invoices": {
    get: {
      summary: "The newest invoices, newest first",
      description: scopeNote,
      tags: ["invoices"],
      security,
      parameters: [{ name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500, default: 20 } }],
      responses: {
        "200": json("Invoices", { type: "array", items: invoiceSummary }),
        "401": errorResponse("No session or API token"),
        "422": errorResponse("limit outside 1–500"),
      },
    },
  },
  "/api/control/start": {
    post: {
      summary: "Start generating invoices (ADMIN, MANAGER)",
      description: `Generates ratePerSecond invoices a second for durationSeconds (defaults 5 and 300). ${scopeNote}`,
      tags: ["invoices"],
      security,
      requestBody: {
        required: false,
        content: {
          "application/json": {
            schema: {
              type: "object",
              additionalProperties: false,
              properties: {
                ratePerSecond: { type: "integer", minimum: 1, maximum: 2000, default: 5 },
                durationSeconds: { type: "integer", minimum: 1, maximum: 86400, default: 300 },
                businessUnit: { type: "string", description: "Slug of one unit to generate for (unscoped callers)" },
              },
            },
          },
        },
      },
      responses: {
        ...controlResponses("The run started"),
        "409": errorResponse("A run is already on"),
        "422": errorResponse("Invalid body"),
      },
    },
  },
  "/api/control/stop": {
    post: {
      summary: "Stop generating at once (ADMIN, MANAGER)",
      description: scopeNote,
      tags: ["invoices"],
      security,
      responses: controlResponses("The generator is idle"),
    },
  },
  "/api/control/reset": {
    post: {
      summary: "Delete generated invoices and their sales, zero the stats (ADMIN, MANAGER)",
      description: `Imported invoices and sales stay; rollups stay exact. Stops the run when it is the caller's. ${scopeNote}`,
      tags: ["invoices"],
      security,
      responses: controlResponses("Generated data removed"),
    },
  },
  "/api/cron/tick-invoices": {
    get: {
      summary: "Insert the invoices due and broadcast them (cron)",
      description:
        "Called every 200 ms by the local worker and by Vercel Cron with Authorization: Bearer $CRON_SECRET. Concurrent calls never duplicate.",
      tags: ["invoices"],
      security: [{ bearer: [] }],
      responses: {
        "200": json("What the tick did", {
          type: "object",
          properties: {
            inserted: { type: "integer" },
            produced: { type: "integer" },
            state: { enum: ["RUNNING", "IDLE"] },
            skipped: { type: "boolean" },
          },
        }),
        "401": errorResponse("Missing or wrong cron secret"),
      },
    },
  },
};
