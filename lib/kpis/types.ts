// The KPI snapshot as stored, broadcast and rendered (client-safe: no server imports). The schemas
// document the API; the types are inferred from them.
import { z } from "zod";

import { decimalString, isoInstant } from "../utils/json-values";

/** Sums of sales over a period. */
export const salesTotalsSchema = z.object({
  revenue: decimalString,
  cost: decimalString,
  profit: decimalString,
  orders: z.number().int(),
  lines: z.number().int(),
  quantity: z.number().int(),
});
export type SalesTotals = z.infer<typeof salesTotalsSchema>;

export const periodComparisonSchema = z.object({
  current: salesTotalsSchema,
  previous: salesTotalsSchema.describe("The same span of time one day (or month) earlier, up to the same clock time"),
});
export type PeriodComparison = z.infer<typeof periodComparisonSchema>;

export const kpiSnapshotPayloadSchema = z.object({
  scope: z.string(),
  asOf: isoInstant,
  timeZone: z.string(),
  currency: z.string(),
  today: periodComparisonSchema,
  monthToDate: periodComparisonSchema,
  units: z.array(z.object({ slug: z.string(), name: z.string(), revenueToday: decimalString, revenueMonthToDate: decimalString })),
  hourly: z
    .array(z.object({ hour: z.number().int().min(0).max(23), today: decimalString, yesterday: decimalString }))
    .describe("Revenue per local hour, today against yesterday"),
  topBranches: z.array(
    z.object({ id: z.number().int(), name: z.string(), region: z.string(), revenue: decimalString, profit: decimalString }),
  ),
  regions: z.array(z.object({ code: z.string(), name: z.string(), counties: z.array(z.string()), revenue: decimalString })),
  categories: z.array(z.object({ category: z.string(), revenue: decimalString })),
});
export type KpiSnapshotPayload = z.infer<typeof kpiSnapshotPayloadSchema>;

export const kpiSnapshotViewSchema = z.object({
  scope: z.string(),
  version: z.number().int(),
  computedAt: isoInstant,
  stale: z.boolean().describe("The last refresh failed: these are the last good numbers"),
  lastError: z.string().nullable(),
  payload: kpiSnapshotPayloadSchema,
});
export type KpiSnapshotView = z.infer<typeof kpiSnapshotViewSchema>;

/** What one scope's refresh did (the scheduler's report). */
export const refreshOutcomeSchema = z.object({
  scope: z.string(),
  version: z.number().int(),
  stale: z.boolean(),
  error: z.string().optional(),
  durationMs: z.number().int(),
});
export type RefreshOutcome = z.infer<typeof refreshOutcomeSchema>;
