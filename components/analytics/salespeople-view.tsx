"use client";

import { useT } from "@/components/i18n/i18n-provider";
import type { SalespeopleReport } from "@/lib/analytics/types";

import { DataTable } from "../ui/data-table";
import { useFormatters } from "../ui/use-formatters";
import { ChartCard } from "./chart-card";
import { COLOURS, ReportChart } from "./report-chart";

const CHART_ROWS = 15;

export function SalespeopleView({ report, csvHref }: { report: SalespeopleReport; csvHref?: string }) {
  const t = useT();
  const f = useFormatters(report.meta.currency);
  const total = report.rows.reduce((sum, row) => sum + Number(row.revenue), 0);
  const table = (
    <DataTable
      testId="table-salespeople"
      rows={report.rows}
      rowKey={(row) => row.id}
      columns={[
        { key: "rank", label: t("analytics.columns.rank"), cell: (row) => row.rank, numeric: true },
        { key: "name", label: t("analytics.columns.name"), cell: (row) => row.name },
        { key: "branch", label: t("analytics.columns.branch"), cell: (row) => row.branch ?? "—" },
        { key: "revenue", label: t("analytics.columns.revenue"), cell: (row) => f.money(row.revenue), numeric: true },
        { key: "profit", label: t("analytics.columns.profit"), cell: (row) => f.money(row.profit), numeric: true },
        { key: "margin", label: t("analytics.columns.margin"), cell: (row) => f.percent(row.margin), numeric: true },
        { key: "orders", label: t("analytics.columns.orders"), cell: (row) => f.number(row.orders), numeric: true },
        { key: "avg", label: t("analytics.columns.averageDeal"), cell: (row) => f.money(row.averageDeal), numeric: true },
        { key: "growth", label: t("analytics.columns.growth"), cell: (row) => f.signed(row.growth), numeric: true },
      ]}
    />
  );
  return (
    <ChartCard
      id="salespeople"
      title={t("analytics.salespeople.title")}
      summary={t("analytics.salespeople.summary", {
        count: report.rows.length,
        revenue: f.money(String(total)),
        top: report.rows[0]?.name ?? "—",
      })}
      csvHref={csvHref}
      table={table}
      chart={
        <ReportChart
          kind="bar"
          x="name"
          format={(value) => f.money(String(value))}
          tickFormat={f.compactMoney}
          data={report.rows
            .slice(0, CHART_ROWS)
            .map((row) => ({ name: row.name, revenue: Number(row.revenue), profit: Number(row.profit) }))}
          series={[
            { key: "revenue", label: t("analytics.columns.revenue"), colour: COLOURS[0]! },
            { key: "profit", label: t("analytics.columns.profit"), colour: COLOURS[2]! },
          ]}
        />
      }
    />
  );
}
