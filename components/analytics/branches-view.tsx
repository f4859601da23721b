"use client";

import Link from "next/link";

import { useT } from "@/components/i18n/i18n-provider";
import type { BranchesReport } from "@/lib/analytics/types";

import { DataTable } from "../ui/data-table";
import { useFormatters } from "../ui/use-formatters";
import { ChartCard } from "./chart-card";
import { COLOURS, ReportChart } from "./report-chart";

const COMPARED = 5;

/** Branches side by side; each name drills into that branch's salespeople (the branch filter in the URL). */
export function BranchesView({
  report,
  csvHref,
  drillHref,
}: {
  report: BranchesReport;
  csvHref?: string;
  drillHref: (branchId: number) => string;
}) {
  const t = useT();
  const f = useFormatters(report.meta.currency);
  const compared = report.series.slice(0, COMPARED);
  const periods = [...new Set(compared.flatMap((branch) => branch.points.map((point) => point.period)))].sort();
  const overTime = periods.map((period) => ({
    period,
    ...Object.fromEntries(
      compared.map((branch) => [branch.name, Number(branch.points.find((point) => point.period === period)?.revenue ?? 0)]),
    ),
  }));
  return (
    <div className="grid grid-cols-1 gap-4">
      <ChartCard
        id="branches"
        title={t("analytics.branches.title")}
        summary={t("analytics.branches.summary", {
          count: report.rows.length,
          top: report.rows[0]?.name ?? "—",
          revenue: f.money(report.rows[0]?.revenue ?? "0"),
        })}
        csvHref={csvHref}
        chart={
          <ReportChart
            kind="bar"
            x="name"
            format={(value) => f.money(String(value))}
            tickFormat={f.compactMoney}
            data={report.rows.map((row) => ({ name: row.name, revenue: Number(row.revenue), previous: Number(row.previousRevenue) }))}
            series={[
              { key: "revenue", label: t("analytics.columns.revenue"), colour: COLOURS[0]! },
              {
                key: "previous",
                label: t("analytics.chart.range", { from: report.meta.previous.from, to: report.meta.previous.to }),
                colour: "#94a3b8",
              },
            ]}
          />
        }
        table={
          <DataTable
            testId="table-branches"
            rows={report.rows}
            rowKey={(row) => row.id}
            columns={[
              {
                key: "name",
                label: t("analytics.columns.branch"),
                cell: (row) => (
                  <Link className="underline underline-offset-2" href={drillHref(row.id)}>
                    {row.name}
                  </Link>
                ),
              },
              { key: "region", label: t("analytics.columns.region"), cell: (row) => row.region },
              { key: "revenue", label: t("analytics.columns.revenue"), cell: (row) => f.money(row.revenue), numeric: true },
              { key: "profit", label: t("analytics.columns.profit"), cell: (row) => f.money(row.profit), numeric: true },
              { key: "margin", label: t("analytics.columns.margin"), cell: (row) => f.percent(row.margin), numeric: true },
              { key: "orders", label: t("analytics.columns.orders"), cell: (row) => f.number(row.orders), numeric: true },
              { key: "growth", label: t("analytics.columns.growth"), cell: (row) => f.signed(row.growth), numeric: true },
            ]}
          />
        }
      />
      <ChartCard
        id="branches-over-time"
        title={t("analytics.branches.overTime")}
        summary={compared.map((branch) => branch.name).join(", ")}
        chart={
          <ReportChart
            kind="line"
            x="period"
            format={(value) => f.money(String(value))}
            tickFormat={f.compactMoney}
            data={overTime}
            series={compared.map((branch, index) => ({ key: branch.name, label: branch.name, colour: COLOURS[index % COLOURS.length]! }))}
          />
        }
        table={
          <DataTable
            rows={overTime}
            rowKey={(row) => row.period}
            columns={[
              { key: "period", label: t("analytics.columns.period"), cell: (row) => row.period },
              ...compared.map((branch) => ({
                key: branch.name,
                label: branch.name,
                numeric: true,
                cell: (row: Record<string, string | number>) => f.money(String(row[branch.name] ?? 0)),
              })),
            ]}
          />
        }
      />
    </div>
  );
}
