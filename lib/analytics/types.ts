// What the analytics API returns per view (client-safe). Money as decimal strings.
import type { DateRange, Grain } from "./filters";

export interface AnalyticsMeta {
  range: DateRange;
  previous: DateRange;
  unit: string;
  branch: number | null;
  currency: string;
}

export interface Measures {
  revenue: string;
  profit: string;
  margin: number | null;
}

export interface SalespersonRow extends Measures {
  id: number;
  rank: number;
  name: string;
  branch: string | null;
  orders: number;
  units: number;
  /** Revenue per order. */
  averageDeal: string;
  previousRevenue: string;
  growth: number | null;
}

export type AbcClass = "A" | "B" | "C";

export interface ProductRow extends Measures {
  id: number;
  sku: string;
  name: string;
  line: string;
  category: string;
  units: number;
  share: number;
  cumulativeShare: number;
  abc: AbcClass;
}

export interface ProductLineRow extends Measures {
  line: string;
  units: number;
}

export interface BranchRow extends Measures {
  id: number;
  name: string;
  region: string;
  orders: number;
  previousRevenue: string;
  growth: number | null;
}

export interface SeriesPoint {
  period: string;
  revenue: string;
  profit: string;
}

export interface BranchSeries {
  id: number;
  name: string;
  points: SeriesPoint[];
}

export type RfmSegment = "champions" | "loyal" | "promising" | "needsAttention" | "atRisk" | "lost";

export interface CustomerRow {
  id: number;
  name: string;
  lastPurchase: string;
  recencyDays: number;
  orders: number;
  revenue: string;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

export interface SegmentRow {
  segment: RfmSegment;
  customers: number;
  revenue: string;
}

export interface TrendPoint extends SeriesPoint {
  orders: number;
}

export interface MonthComparison {
  month: string;
  revenue: string;
  mom: number | null;
  yoy: number | null;
}

export interface CategoryRow extends Measures {
  category: string;
  share: number;
}

export interface SalespeopleReport {
  meta: AnalyticsMeta;
  rows: SalespersonRow[];
}
export interface ProductsReport {
  meta: AnalyticsMeta;
  rows: ProductRow[];
  lines: ProductLineRow[];
}
export interface BranchesReport {
  meta: AnalyticsMeta;
  grain: Grain;
  rows: BranchRow[];
  series: BranchSeries[];
}
export interface CustomersReport {
  meta: AnalyticsMeta;
  customers: number;
  revenue: string;
  averagePerCustomer: string;
  segments: SegmentRow[];
  top: CustomerRow[];
  rows: CustomerRow[];
}
export interface TrendsReport {
  meta: AnalyticsMeta;
  grain: Grain;
  series: TrendPoint[];
  months: MonthComparison[];
  categories: CategoryRow[];
}

export interface AnalyticsReports {
  salespeople: SalespeopleReport;
  products: ProductsReport;
  branches: BranchesReport;
  customers: CustomersReport;
  trends: TrendsReport;
}
