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

/** GET /api/system/status: the generator as the caller sees it. */
export const generatorStatusViewSchema = z.object({
  state: generatorStateNameSchema,
  ratePerSecond: z.number().int(),
  durationSeconds: z.number().int(),
  produced: z.number().int().describe("Invoices of the current (or last) run in the caller's scope"),
  startedAt: isoInstant.nullable(),
  endsAt: isoInstant.nullable(),
  businessUnit: z.string().nullable().describe("Slug of the unit the run generates for; null when it generates for every unit"),
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
