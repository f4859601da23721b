// What /status shows and GET /api/v1/status answers (client-safe): the schema documents the API.
import { z } from "zod";

import { healthReportSchema } from "../health/types";
import { isoInstant } from "../utils/json-values";

export const schedulerScopeSchema = z.object({
  scope: z.string(),
  version: z.number().int(),
  computedAt: isoInstant,
  durationMs: z.number().int(),
  stale: z.boolean(),
  lastError: z.string().nullable(),
});
export type SchedulerScope = z.infer<typeof schedulerScopeSchema>;

/** A live channel and how many subscriptions it has. */
export const hubSchema = z.object({ channel: z.string(), subscribers: z.number().int() });
export type Hub = z.infer<typeof hubSchema>;

export const diagnosticsSchema = z.object({
  health: healthReportSchema,
  scheduler: z.array(schedulerScopeSchema).describe("The latest KPI snapshot of each scope"),
  ingestion: z.object({
    lastSaleAt: isoInstant.nullable(),
    lagSeconds: z.number().int().nullable().describe("Seconds since the newest sale"),
  }),
  hubs: z.array(hubSchema),
  versions: z.object({ node: z.string() }).optional().describe("ADMIN only"),
});
export type Diagnostics = z.infer<typeof diagnosticsSchema>;
