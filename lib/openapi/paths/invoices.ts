// Documented routes of the invoice stream. These keep the exact paths of the original
// invoice-stream system, outside /api/v1, so its clients keep working.
import { z } from "zod";

import { invoiceListQuerySchema, startGeneratorSchema } from "../../invoices/schemas";
import { generatorStateNameSchema, generatorStatusViewSchema, invoiceStatsViewSchema, invoiceSummarySchema } from "../../invoices/views";
import { defineRoute } from "../define-route";

const scopeNote =
  "Callers scoped to a business unit see only that unit. A scoped MANAGER starts runs for its unit only, may stop a run " +
  "only when it generates for its unit alone, and its Reset removes only its unit's generated invoices.";

const tags = ["invoices"];
const outsideUnit = { 403: "Not an ADMIN or MANAGER, or outside the manager's business unit" };

export const invoiceRoutes = [
  defineRoute({
    method: "get",
    path: "/api/stats",
    summary: "Running totals of generated invoices",
    description: `Kept incrementally with every insert, never recounted. ${scopeNote}`,
    tags,
    access: "dashboards.read",
    response: { schema: invoiceStatsViewSchema, description: "Totals in the caller's scope" },
  }),
  defineRoute({
    method: "get",
    path: "/api/system/status",
    summary: "The invoice generator's state",
    tags,
    access: "dashboards.read",
    response: { schema: generatorStatusViewSchema, description: "Generator status" },
  }),
  defineRoute({
    method: "get",
    path: "/api/invoices",
    summary: "The newest invoices, newest first",
    description: scopeNote,
    tags,
    access: "dashboards.read",
    query: [invoiceListQuerySchema],
    response: { schema: z.array(invoiceSummarySchema), description: "Invoices" },
    errors: { 422: "limit outside 1–500" },
  }),
  defineRoute({
    method: "post",
    path: "/api/control/start",
    summary: "Start generating invoices",
    description: `Generates ratePerSecond invoices a second for durationSeconds (defaults 5 and 300); an empty body means the defaults. ${scopeNote}`,
    tags,
    access: "invoices.control",
    body: { schema: startGeneratorSchema, required: false },
    response: { schema: generatorStatusViewSchema, description: "The run started" },
    errors: { ...outsideUnit, 409: "A run is already on", 422: "Invalid body" },
  }),
  defineRoute({
    method: "post",
    path: "/api/control/stop",
    summary: "Stop generating at once",
    description: scopeNote,
    tags,
    access: "invoices.control",
    response: { schema: generatorStatusViewSchema, description: "The generator is idle" },
    errors: outsideUnit,
  }),
  defineRoute({
    method: "post",
    path: "/api/control/reset",
    summary: "Delete generated invoices and their sales, zero the stats",
    description: `Imported invoices and sales stay; rollups stay exact. Stops the run when it is the caller's. ${scopeNote}`,
    tags,
    access: "invoices.control",
    response: { schema: generatorStatusViewSchema, description: "Generated data removed" },
    errors: outsideUnit,
  }),
  defineRoute({
    method: "get",
    path: "/api/cron/tick-invoices",
    summary: "Insert the invoices due and broadcast them",
    description: "Called every 200 ms by the local worker, and by Vercel Cron. Concurrent calls never duplicate.",
    tags,
    access: "cron",
    response: {
      schema: z.object({
        inserted: z.number().int(),
        produced: z.number().int(),
        state: generatorStateNameSchema,
        skipped: z.boolean().describe("Another tick or a control action held the generator: this tick did nothing"),
        writeMs: z.number().int(),
      }),
      description: "What the tick did",
    },
  }),
];
