// Inputs of the invoice-stream endpoints, shared by the route handlers and the control form.
import { z } from "zod";

export const DEFAULT_RATE_PER_SECOND = 5;
export const DEFAULT_DURATION_SECONDS = 300;
export const MAX_RATE_PER_SECOND = 2_000;
export const MAX_DURATION_SECONDS = 86_400;

/** The all-units generator's name where a control takes a unit's slug (as KPI scopes do). */
export const ALL_UNITS = "all";

const unitSlug = z.string().regex(/^[a-z0-9-]+$/);

export const startGeneratorSchema = z
  .object({
    ratePerSecond: z.coerce.number().int().min(1).max(MAX_RATE_PER_SECOND).optional(),
    durationSeconds: z.coerce.number().int().min(1).max(MAX_DURATION_SECONDS).optional(),
    businessUnit: unitSlug
      .optional()
      .describe(`The generator to start: a unit's slug, or "${ALL_UNITS}" (the default for unscoped callers) for the all-units one`),
  })
  .strict();

export type StartGeneratorInput = z.infer<typeof startGeneratorSchema>;

/** Stop and Reset: which generator (or unit's data) to act on; omitted, everything the caller controls. */
export const controlTargetSchema = z
  .object({
    businessUnit: unitSlug
      .optional()
      .describe(
        `A unit's slug: that unit's generator (and, on reset, its generated data). "${ALL_UNITS}": the all-units generator on stop, ` +
          "every unit on reset. Omitted: every generator and unit in the caller's scope",
      ),
  })
  .strict();

export type ControlTarget = z.infer<typeof controlTargetSchema>;

export const MAX_INVOICE_LIST = 500;

export const invoiceListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_INVOICE_LIST).default(20),
});
