"use client";

import { useT } from "@/components/i18n/i18n-provider";
import type { TrendsReport } from "@/lib/analytics/types";

import { DataTable } from "../ui/data-table";
import { useFormatters } from "../ui/use-formatters";
import { ChartCard } from "./chart-card";
import { COLOURS, ReportChart } from "./report-chart";

export function TrendsView({ report, csvHref }: { report: TrendsReport; csvHref?: string }) {
  const t = useT();
  const f = useFormatters(report.meta.currency);
  const money = (value: number) => f.money(String(value));
  const total = report.series.reduce((sum, point) => sum + Number(point.revenue), 0);
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <ChartCard
        id="trends"
        className="lg:col-span-2"
        title={`${t("analytics.trends.title")} · ${t(`analytics.trends.grain.${report.grain}`)}`}
        summary={t("analytics.trends.summary", { points: report.series.length, revenue: money(total) })}
        csvHref={csvHref}
        chart={
          <ReportChart
            kind="line"
            x="period"
            format={money}
            tickFormat={f.compactMoney}
            data={report.series.map((point) => ({ period: point.period, revenue: Number(point.revenue), profit: Number(point.profit) }))}
            series={[
              { key: "revenue", label: t("analytics.columns.revenue"), colour: COLOURS[0]! },
              { key: "profit", label: t("analytics.columns.profit"), colour: COLOURS[2]! },
            ]}
          />
        }
        table={
          <DataTable
            testId="table-trends"
            rows={report.series}
            rowKey={(row) => row.period}
            columns={[
              { key: "period", label: t("analytics.columns.period"), cell: (row) => row.period },
              { key: "revenue", label: t("analytics.columns.revenue"), cell: (row) => f.money(row.revenue), numeric: true },
              { key: "profit", label: t("analytics.columns.profit"), cell: (row) => f.money(row.profit), numeric: true },
              { key: "orders", label: t("analytics.columns.orders"), cell: (row) => f.number(row.orders), numeric: true },
            ]}
          />
        }
      />
      <ChartCard
        id="months"
        title={t("analytics.trends.months")}
        summary={report.months
          .slice(-1)
          .map(
            (month) =>
              `${month.month}: ${f.money(month.revenue)}, ${t("analytics.columns.mom")} ${f.signed(month.mom)}, ${t("analytics.columns.yoy")} ${f.signed(month.yoy)}`,
          )
          .join("")}
        chart={
          <ReportChart
            kind="bar"
            x="month"
            format={money}
            tickFormat={f.compactMoney}
            data={report.months.map((month) => ({ month: month.month, revenue: Number(month.revenue) }))}
            series={[{ key: "revenue", label: t("analytics.columns.revenue"), colour: COLOURS[0]! }]}
          />
        }
        table={
          <DataTable
            testId="table-months"
            rows={report.months}
            rowKey={(row) => row.month}
            columns={[
              { key: "month", label: t("analytics.columns.month"), cell: (row) => row.month },
              { key: "revenue", label: t("analytics.columns.revenue"), cell: (row) => f.money(row.revenue), numeric: true },
              { key: "mom", label: t("analytics.columns.mom"), cell: (row) => f.signed(row.mom), numeric: true },
              { key: "yoy", label: t("analytics.columns.yoy"), cell: (row) => f.signed(row.yoy), numeric: true },
            ]}
          />
        }
      />
      <ChartCard
        id="categories"
        title={t("analytics.trends.categories")}
        summary={report.categories.map((row) => `${row.category} ${f.percent(row.share)}`).join("; ")}
        chart={
          <ReportChart
            kind="bar"
            x="category"
            format={money}
            tickFormat={f.compactMoney}
            data={report.categories.map((row) => ({ category: row.category, revenue: Number(row.revenue) }))}
            series={[{ key: "revenue", label: t("analytics.columns.revenue"), colour: COLOURS[1]! }]}
          />
        }
        table={
          <DataTable
            testId="table-categories"
            rows={report.categories}
            rowKey={(row) => row.category}
            columns={[
              { key: "category", label: t("analytics.columns.category"), cell: (row) => row.category },
              { key: "revenue", label: t("analytics.columns.revenue"), cell: (row) => f.money(row.revenue), numeric: true },
              { key: "share", label: t("analytics.columns.share"), cell: (row) => f.percent(row.share), numeric: true },
              { key: "margin", label: t("analytics.columns.margin"), cell: (row) => f.percent(row.margin), numeric: true },
            ]}
          />
        }
      />
    </div>
  );
}
