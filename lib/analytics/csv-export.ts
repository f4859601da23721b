// The table each view exports as CSV (pure): the same rows the page shows in its main table.
import type { CsvCell } from "../csv/csv-rows";
import type { AnalyticsView } from "./filters";
import type { AnalyticsReports } from "./types";

export type ReportTable = { columns: string[]; rows: CsvCell[][] };

const TABLES: { [V in AnalyticsView]: (report: AnalyticsReports[V]) => ReportTable } = {
  salespeople: (report) => ({
    columns: [
      "rank",
      "salesperson",
      "branch",
      "revenue",
      "profit",
      "margin",
      "orders",
      "units",
      "average_deal",
      "previous_revenue",
      "growth",
    ],
    rows: report.rows.map((r) => [
      r.rank,
      r.name,
      r.branch,
      r.revenue,
      r.profit,
      r.margin,
      r.orders,
      r.units,
      r.averageDeal,
      r.previousRevenue,
      r.growth,
    ]),
  }),
  products: (report) => ({
    columns: ["sku", "product", "line", "category", "revenue", "profit", "margin", "units", "share", "cumulative_share", "abc"],
    rows: report.rows.map((r) => [
      r.sku,
      r.name,
      r.line,
      r.category,
      r.revenue,
      r.profit,
      r.margin,
      r.units,
      r.share,
      r.cumulativeShare,
      r.abc,
    ]),
  }),
  branches: (report) => ({
    columns: ["branch", "region", "revenue", "profit", "margin", "orders", "previous_revenue", "growth"],
    rows: report.rows.map((r) => [r.name, r.region, r.revenue, r.profit, r.margin, r.orders, r.previousRevenue, r.growth]),
  }),
  customers: (report) => ({
    columns: ["customer", "last_purchase", "recency_days", "orders", "revenue", "r", "f", "m", "segment"],
    rows: report.rows.map((r) => [r.name, r.lastPurchase, r.recencyDays, r.orders, r.revenue, r.r, r.f, r.m, r.segment]),
  }),
  trends: (report) => ({
    columns: ["period", "revenue", "profit", "orders"],
    rows: report.series.map((r) => [r.period, r.revenue, r.profit, r.orders]),
  }),
};

export function reportTable<V extends AnalyticsView>(view: V, report: AnalyticsReports[V]): ReportTable {
  return TABLES[view](report);
}
