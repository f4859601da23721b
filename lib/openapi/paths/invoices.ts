// Documented routes of the invoice stream. These keep the exact paths of the original
// invoice-stream system, outside /api/v1, so its clients keep working.
import { z } from "zod";

import { controlTargetSchema, invoiceListQuerySchema, startGeneratorSchema } from "../../invoices/schemas";
import { generatorStateNameSchema, generatorStatusViewSchema, invoiceStatsViewSchema, invoiceSummarySchema } from "../../invoices/views";
import { defineRoute } from "../define-route";

const scopeNote =
  "Each business unit has its own generator, and one more generates for every unit; they run independently. Callers " +
  "scoped to a business unit see only that unit: its generator, and of an all-units run only their unit's count and timing. " +
  "A scoped MANAGER starts, stops and resets only its unit's generator and generated invoices.";

const tags = ["invoices"];
const outsideUnit = { 403: "Not an ADMIN or MANAGER, or outside the manager's business unit" };
const target = { schema: controlTargetSchema, required: false };

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
    summary: "The invoice generators' state",
    description: `The caller's own generator at the top level, and every generator it may see in \`generators\`. ${scopeNote}`,
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
    path: "/api/invoices/tick",
    summary: "Ask for the invoices due by now",
    description:
      "An open invoice stream calls this about once a second, so running generators advance where no worker ticks them " +
      "(a deployment's cron runs a minute apart at best). The catch-up is exact: concurrent calls never duplicate an invoice.",
    tags,
    access: "dashboards.read",
    response: {
      schema: z.object({ ticked: z.boolean().describe("False when another viewer's tick just ran"), inserted: z.number().int() }),
      description: "What this call inserted",
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/control/start",
    summary: "Start generating invoices",
    description:
      "Generates ratePerSecond invoices a second for durationSeconds (defaults 5 and 300); an empty body means the defaults. " +
      `ratePerSecond × durationSeconds may not exceed GENERATOR_MAX_INVOICES_PER_RUN (default 100,000). ${scopeNote}`,
    tags,
    access: "invoices.control",
    body: { schema: startGeneratorSchema, required: false },
    response: { schema: generatorStatusViewSchema, description: "The run started (at the top level)" },
    errors: { ...outsideUnit, 409: "That generator is already running", 422: "Invalid body, or more invoices than one run may make" },
  }),
  defineRoute({
    method: "post",
    path: "/api/control/stop",
    summary: "Stop generating at once",
    description: scopeNote,
    tags,
    access: "invoices.control",
    body: target,
    response: { schema: generatorStatusViewSchema, description: "The generators addressed are idle" },
    errors: { ...outsideUnit, 422: "Invalid body or unknown business unit" },
  }),
  defineRoute({
    method: "post",
    path: "/api/control/reset",
    summary: "Delete generated invoices and their sales, zero the stats",
    description:
      "Imported invoices and sales stay; rollups stay exact. Resets (and stops) the generators of the units reset; a " +
      `one-unit reset leaves a running all-units generator going. ${scopeNote}`,
    tags,
    access: "invoices.control",
    body: target,
    response: { schema: generatorStatusViewSchema, description: "Generated data removed" },
    errors: { ...outsideUnit, 422: "Invalid body or unknown business unit" },
  }),
  defineRoute({
    method: "get",
    path: "/api/cron/tick-invoices",
    summary: "Insert the invoices due for every running generator and broadcast them",
    description: "Called every 200 ms by the local worker, and by Vercel Cron. Concurrent calls never duplicate.",
    tags,
    access: "cron",
    response: {
      schema: z.object({
        inserted: z.number().int(),
        produced: z.number().int(),
        state: generatorStateNameSchema,
        skipped: z.boolean().describe("Every running generator was held by another tick or a control action: this tick did nothing"),
        writeMs: z.number().int(),
        generators: z.array(
          z.object({
            businessUnit: z.string().nullable().describe("The generator's unit slug; null for the all-units generator"),
            inserted: z.number().int(),
            produced: z.number().int(),
            state: generatorStateNameSchema,
            skipped: z.boolean(),
          }),
        ),
      }),
      description: "What the tick did",
    },
  }),
];
