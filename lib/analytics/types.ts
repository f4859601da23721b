// What the analytics API returns per view (client-safe): the schemas document the API, the types are inferred from them.
import { z } from "zod";

import { decimalString } from "../utils/json-values";
import { dateRangeSchema, GRAINS } from "./filters";

const ratio = z.number().nullable();

export const analyticsMetaSchema = z.object({
  range: dateRangeSchema,
  previous: dateRangeSchema.describe("The span of the same length just before range, for growth figures"),
  unit: z.string().describe("all, or the business-unit slug the report is scoped to"),
  branch: z.number().int().nullable(),
  currency: z.string(),
});
export type AnalyticsMeta = z.infer<typeof analyticsMetaSchema>;

const measuresSchema = z.object({ revenue: decimalString, profit: decimalString, margin: ratio });
export type Measures = z.infer<typeof measuresSchema>;

export const salespersonRowSchema = measuresSchema.extend({
  id: z.number().int(),
  rank: z.number().int(),
  name: z.string(),
  branch: z.string().nullable(),
  orders: z.number().int(),
  units: z.number().int(),
  averageDeal: decimalString.describe("Revenue per order"),
  previousRevenue: decimalString,
  growth: ratio,
});
export type SalespersonRow = z.infer<typeof salespersonRowSchema>;

export const abcClassSchema = z.enum(["A", "B", "C"]);
export type AbcClass = z.infer<typeof abcClassSchema>;

export const productRowSchema = measuresSchema.extend({
  id: z.number().int(),
  sku: z.string(),
  name: z.string(),
  line: z.string(),
  category: z.string(),
  units: z.number().int(),
  share: z.number(),
  cumulativeShare: z.number(),
  abc: abcClassSchema,
});
export type ProductRow = z.infer<typeof productRowSchema>;

export const productLineRowSchema = measuresSchema.extend({ line: z.string(), units: z.number().int() });
export type ProductLineRow = z.infer<typeof productLineRowSchema>;

export const branchRowSchema = measuresSchema.extend({
  id: z.number().int(),
  name: z.string(),
  region: z.string(),
  orders: z.number().int(),
  previousRevenue: decimalString,
  growth: ratio,
});
export type BranchRow = z.infer<typeof branchRowSchema>;

export const seriesPointSchema = z.object({
  period: z.string().describe("First local day of the period, YYYY-MM-DD"),
  revenue: decimalString,
  profit: decimalString,
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const branchSeriesSchema = z.object({ id: z.number().int(), name: z.string(), points: z.array(seriesPointSchema) });
export type BranchSeries = z.infer<typeof branchSeriesSchema>;

export const rfmSegmentSchema = z.enum(["champions", "loyal", "promising", "needsAttention", "atRisk", "lost"]);
export type RfmSegment = z.infer<typeof rfmSegmentSchema>;

const score = z.number().int().min(1).max(5);

export const customerRowSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  lastPurchase: z.string().describe("YYYY-MM-DD"),
  recencyDays: z.number().int(),
  orders: z.number().int(),
  revenue: decimalString,
  r: score,
  f: score,
  m: score,
  segment: rfmSegmentSchema,
});
export type CustomerRow = z.infer<typeof customerRowSchema>;

export const segmentRowSchema = z.object({ segment: rfmSegmentSchema, customers: z.number().int(), revenue: decimalString });
export type SegmentRow = z.infer<typeof segmentRowSchema>;

export const trendPointSchema = seriesPointSchema.extend({ orders: z.number().int() });
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const monthComparisonSchema = z.object({
  month: z.string().describe("YYYY-MM"),
  revenue: decimalString,
  mom: ratio.describe("Growth against the month before"),
  yoy: ratio.describe("Growth against the same month a year before"),
});
export type MonthComparison = z.infer<typeof monthComparisonSchema>;

export const categoryRowSchema = measuresSchema.extend({ category: z.string(), share: z.number() });
export type CategoryRow = z.infer<typeof categoryRowSchema>;

const grainSchema = z.enum(GRAINS);

export const salespeopleReportSchema = z
  .object({ meta: analyticsMetaSchema, rows: z.array(salespersonRowSchema) })
  .meta({ title: "SalespeopleReport" });
export const productsReportSchema = z
  .object({ meta: analyticsMetaSchema, rows: z.array(productRowSchema), lines: z.array(productLineRowSchema) })
  .meta({ title: "ProductsReport" });
export const branchesReportSchema = z
  .object({ meta: analyticsMetaSchema, grain: grainSchema, rows: z.array(branchRowSchema), series: z.array(branchSeriesSchema) })
  .meta({ title: "BranchesReport" });
export const customersReportSchema = z
  .object({
    meta: analyticsMetaSchema,
    customers: z.number().int(),
    revenue: decimalString,
    averagePerCustomer: decimalString,
    segments: z.array(segmentRowSchema),
    top: z.array(customerRowSchema),
    rows: z.array(customerRowSchema),
  })
  .meta({ title: "CustomersReport" });
export const trendsReportSchema = z
  .object({
    meta: analyticsMetaSchema,
    grain: grainSchema,
    series: z.array(trendPointSchema),
    months: z.array(monthComparisonSchema),
    categories: z.array(categoryRowSchema),
  })
  .meta({ title: "TrendsReport" });

export type SalespeopleReport = z.infer<typeof salespeopleReportSchema>;
export type ProductsReport = z.infer<typeof productsReportSchema>;
export type BranchesReport = z.infer<typeof branchesReportSchema>;
export type CustomersReport = z.infer<typeof customersReportSchema>;
export type TrendsReport = z.infer<typeof trendsReportSchema>;

/** Each view's report, by view name. */
export const analyticsReportSchemas = {
  salespeople: salespeopleReportSchema,
  products: productsReportSchema,
  branches: branchesReportSchema,
  customers: customersReportSchema,
  trends: trendsReportSchema,
} as const;

export type AnalyticsReports = { [View in keyof typeof analyticsReportSchemas]: z.infer<(typeof analyticsReportSchemas)[View]> };
