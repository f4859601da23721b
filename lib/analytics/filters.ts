// The global analytics filters (URL and API query string), shared by the server and the filter bar (client-safe).
import { z } from "zod";

import { calendarDay } from "../utils/json-values";

export const ANALYTICS_VIEWS = ["salespeople", "products", "branches", "customers", "trends"] as const;
export type AnalyticsView = (typeof ANALYTICS_VIEWS)[number];

export const DATE_PRESETS = ["7d", "30d", "90d", "mtd", "ytd", "12m"] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];
export const DEFAULT_PRESET: DatePreset = "90d";

export const GRAINS = ["day", "week", "month"] as const;
export type Grain = (typeof GRAINS)[number];

/** A long range is still cheap from the rollups, but customers read raw rows: cap it. */
export const MAX_RANGE_DAYS = 3 * 366;
const DAY_MS = 86_400_000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dates are YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(value)), "not a calendar date");

export const analyticsFiltersSchema = z
  .object({
    from: isoDate.optional().describe("First day, YYYY-MM-DD (with to)"),
    to: isoDate.optional().describe("Last day, YYYY-MM-DD (with from)"),
    preset: z.enum(DATE_PRESETS).optional().describe(`Range ending today when from/to are absent (default ${DEFAULT_PRESET})`),
    unit: z
      .string()
      .regex(/^[a-z0-9-]+$/, "unit is all or a business-unit slug")
      .optional()
      .describe("Business-unit slug, or all"),
    branch: z.coerce.number().int().positive().optional().describe("Branch id"),
    grain: z.enum(GRAINS).optional().describe("Series granularity (default by range length)"),
  })
  .refine((value) => (value.from === undefined) === (value.to === undefined), {
    message: "give both from and to, or neither",
    path: ["from"],
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: "from must be on or before to", path: ["from"] })
  .refine((value) => !value.from || !value.to || daysBetween(value.from, value.to) <= MAX_RANGE_DAYS, {
    message: `the date range may span at most ${MAX_RANGE_DAYS} days`,
    path: ["to"],
  });
export type AnalyticsFilters = z.infer<typeof analyticsFiltersSchema>;

/** Inclusive local calendar days, both YYYY-MM-DD. */
export const dateRangeSchema = z.object({ from: calendarDay, to: calendarDay });
export type DateRange = z.infer<typeof dateRangeSchema>;

export const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, days: number) => toDay(dayMs(day) + days * DAY_MS);
/** "YYYY-MM" shifted by whole months. */
export function addMonths(month: string, months: number): string {
  const [year, index] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, index - 1 + months, 1)).toISOString().slice(0, 7);
}

/** Days from `from` to `to`, counting both. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS) + 1;
}

/** The range a preset names, ending on `today` (the business date). */
export function presetRange(preset: DatePreset, today: string): DateRange {
  switch (preset) {
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "90d":
      return { from: addDays(today, -89), to: today };
    case "mtd":
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case "ytd":
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case "12m":
      return { from: addDays(today, -364), to: today };
  }
}

/** Explicit dates win over a preset; neither means the default preset. */
export function resolveRange(filters: Pick<AnalyticsFilters, "from" | "to" | "preset">, today: string): DateRange {
  if (filters.from && filters.to) return { from: filters.from, to: filters.to };
  return presetRange(filters.preset ?? DEFAULT_PRESET, today);
}

/** The span of the same length just before `range`, for growth figures. */
export function previousRange(range: DateRange): DateRange {
  const length = daysBetween(range.from, range.to);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** Days for up to two months, weeks up to about a year, then months: enough points, never too many. */
export function autoGrain(range: DateRange): Grain {
  const days = daysBetween(range.from, range.to);
  return days <= 62 ? "day" : days <= 370 ? "week" : "month";
}

/** The query string of a filter set (stable order, only what is set), for links, fetches and CSV downloads. */
export function filtersToSearch(filters: AnalyticsFilters): string {
  const params = new URLSearchParams();
  for (const key of ["preset", "from", "to", "unit", "branch", "grain"] as const) {
    const value = filters[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params.toString();
}
