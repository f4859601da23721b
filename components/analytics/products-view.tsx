"use client";

import { useT } from "@/components/i18n/i18n-provider";
import type { ProductsReport } from "@/lib/analytics/types";

import { DataTable } from "../ui/data-table";
import { useFormatters } from "../ui/use-formatters";
import { ChartCard } from "./chart-card";
import { COLOURS, ReportChart } from "./report-chart";

const CHART_ROWS = 20;

export function ProductsView({ report, csvHref }: { report: ProductsReport; csvHref?: string }) {
  const t = useT();
  const f = useFormatters(report.meta.currency);
  const classA = report.rows.filter((row) => row.abc === "A").length;
  return (
    <div className="grid grid-cols-1 gap-4">
      <ChartCard
        id="products"
        title={t("analytics.products.title")}
        summary={t("analytics.products.summary", { a: classA, count: report.rows.length })}
        csvHref={csvHref}
        chart={
          <ReportChart
            kind="bar"
            x="sku"
            format={(value) => f.money(String(value))}
            tickFormat={f.compactMoney}
            data={report.rows.slice(0, CHART_ROWS).map((row) => ({ sku: row.sku, revenue: Number(row.revenue) }))}
            series={[{ key: "revenue", label: t("analytics.columns.revenue"), colour: COLOURS[0]! }]}
          />
        }
        table={
          <DataTable
            testId="table-products"
            rows={report.rows}
            rowKey={(row) => row.id}
            columns={[
              { key: "sku", label: t("analytics.columns.sku"), cell: (row) => row.sku },
              { key: "name", label: t("analytics.columns.name"), cell: (row) => row.name },
              { key: "line", label: t("analytics.columns.line"), cell: (row) => row.line },
              { key: "revenue", label: t("analytics.columns.revenue"), cell: (row) => f.money(row.revenue), numeric: true },
              { key: "profit", label: t("analytics.columns.profit"), cell: (row) => f.money(row.profit), numeric: true },
              { key: "margin", label: t("analytics.columns.margin"), cell: (row) => f.percent(row.margin), numeric: true },
              { key: "units", label: t("analytics.columns.units"), cell: (row) => f.number(row.units), numeric: true },
              { key: "cumulative", label: t("analytics.columns.cumulative"), cell: (row) => f.percent(row.cumulativeShare), numeric: true },
              { key: "abc", label: t("analytics.columns.abc"), cell: (row) => row.abc },
            ]}
          />
        }
      />
      <ChartCard
        id="product-lines"
        title={t("analytics.products.lines")}
        summary={report.lines.map((line) => `${line.line} ${f.money(line.revenue)}`).join("; ")}
        chart={
          <ReportChart
            kind="bar"
            x="line"
            format={(value) => f.money(String(value))}
            tickFormat={f.compactMoney}
            data={report.lines.map((line) => ({ line: line.line, revenue: Number(line.revenue), profit: Number(line.profit) }))}
            series={[
              { key: "revenue", label: t("analytics.columns.revenue"), colour: COLOURS[0]! },
              { key: "profit", label: t("analytics.columns.profit"), colour: COLOURS[2]! },
            ]}
          />
        }
        table={
          <DataTable
            rows={report.lines}
            rowKey={(row) => row.line}
            columns={[
              { key: "line", label: t("analytics.columns.line"), cell: (row) => row.line },
              { key: "revenue", label: t("analytics.columns.revenue"), cell: (row) => f.money(row.revenue), numeric: true },
              { key: "profit", label: t("analytics.columns.profit"), cell: (row) => f.money(row.profit), numeric: true },
              { key: "margin", label: t("analytics.columns.margin"), cell: (row) => f.percent(row.margin), numeric: true },
              { key: "units", label: t("analytics.columns.units"), cell: (row) => f.number(row.units), numeric: true },
            ]}
          />
        }
      />
    </div>
  );
}
