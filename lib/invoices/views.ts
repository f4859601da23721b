// The invoice API's response shapes (client-safe): the zod schemas document the API, the types are inferred from them.
import { z } from "zod";

import { isoInstant } from "../utils/json-values";

const money = (description: string) =>
  z
    .string()
    .regex(/^-?\d+\.\d{2}$/)
    .describe(description);

export const invoiceSummarySchema = z.object({
  id: z.number().int(),
  number: z.string().describe('Series and number, e.g. "SIM-ORGLIGHT-000123"'),
  company: z.string(),
  businessUnit: z.string().describe('The business unit\'s display name, e.g. "Orglight"'),
  branch: z.string(),
  subtotal: money("Sum of the lines"),
  vat: money("subtotal × VAT rate, rounded half up to the cent"),
  total: money("subtotal + vat"),
  issuedAt: isoInstant,
});
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;

export const generatorStateNameSchema = z.enum(["RUNNING", "IDLE"]);
export type GeneratorStateName = z.infer<typeof generatorStateNameSchema>;

/** One generator as the caller sees it: a unit's own, or the all-units one (for a scoped caller, only its unit's share). */
export const generatorViewSchema = z.object({
  businessUnit: z.string().nullable().describe("Slug of the unit this generator makes invoices for; null for the all-units generator"),
  state: generatorStateNameSchema,
  ratePerSecond: z
    .number()
    .int()
    .nullable()
    .describe("Invoices a second of its run; null on a scoped caller's share of the all-units run, whose rate spans other units"),
  durationSeconds: z.number().int(),
  produced: z.number().int().describe("Invoices of its current (or last) run in the caller's scope"),
  startedAt: isoInstant.nullable(),
  endsAt: isoInstant.nullable(),
});
export type GeneratorView = z.infer<typeof generatorViewSchema>;

/**
 * GET /api/system/status and the control routes: the caller's own generator (the all-units one when
 * unscoped, its unit's when scoped, or the one a control addressed) and every generator it may see.
 */
export const generatorStatusViewSchema = generatorViewSchema.extend({
  ratePerSecond: z.number().int(),
  generators: z
    .array(generatorViewSchema)
    .describe(
      "Unscoped callers: the all-units generator, then each unit's. Scoped callers: their unit's, then their share of the all-units run",
    ),
});
export type GeneratorStatusView = z.infer<typeof generatorStatusViewSchema>;

/** GET /api/stats: running totals of generated invoices in the caller's scope. */
export const invoiceStatsViewSchema = z.object({
  count: z.number().int(),
  subtotal: money("Σ subtotal"),
  vat: money("Σ VAT"),
  total: money("Σ total"),
  average: money("total ÷ count"),
});
export type InvoiceStatsView = z.infer<typeof invoiceStatsViewSchema>;
