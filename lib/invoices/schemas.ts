// Inputs of the invoice-stream endpoints, shared by the route handlers and the control form.
import { z } from "zod";

export const DEFAULT_RATE_PER_SECOND = 5;
export const DEFAULT_DURATION_SECONDS = 300;
export const MAX_RATE_PER_SECOND = 2_000;
export const MAX_DURATION_SECONDS = 86_400;

export const startGeneratorSchema = z
  .object({
    ratePerSecond: z.coerce.number().int().min(1).max(MAX_RATE_PER_SECOND).optional(),
    durationSeconds: z.coerce.number().int().min(1).max(MAX_DURATION_SECONDS).optional(),
    /** Slug of one unit to generate for; omitted, every unit the caller sees. */
    businessUnit: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
  })
  .strict();

export type StartGeneratorInput = z.infer<typeof startGeneratorSchema>;

export const MAX_INVOICE_LIST = 500;

export const invoiceListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_INVOICE_LIST).default(20),
});
