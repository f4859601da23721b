"use client";

import { useT } from "@/components/i18n/i18n-provider";
import type { CustomerRow, CustomersReport } from "@/lib/analytics/types";

import { DataTable, type Column } from "../ui/data-table";
import { useFormatters } from "../ui/use-formatters";
import { ChartCard } from "./chart-card";
import { COLOURS, ReportChart } from "./report-chart";

export function CustomersView({ report, csvHref }: { report: CustomersReport; csvHref?: string }) {
  const t = useT();
  const f = useFormatters(report.meta.currency);
  const segment = (name: CustomerRow["segment"]) => t(`analytics.customers.segments.${name}`);
  const customerColumns: Column<CustomerRow>[] = [
    { key: "name", label: t("analytics.columns.name"), cell: (row) => row.name },
    { key: "revenue", label: t("analytics.columns.revenue"), cell: (row) => f.money(row.revenue), numeric: true },
    { key: "orders", label: t("analytics.columns.orders"), cell: (row) => f.number(row.orders), numeric: true },
    { key: "last", label: t("analytics.columns.lastPurchase"), cell: (row) => row.lastPurchase },
    { key: "rfm", label: t("analytics.columns.rfm"), cell: (row) => `${row.r}-${row.f}-${row.m}` },
    { key: "segment", label: t("analytics.columns.segment"), cell: (row) => segment(row.segment) },
  ];
  return (
    <div className="grid grid-cols-1 gap-4">
      <dl className="grid grid-cols-2 gap-4">
        <div className="bg-card border-border rounded-xl border p-4">
          <dt className="text-muted-foreground text-sm">{t("analytics.customers.count")}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="customers-count">
            {f.number(report.customers)}
          </dd>
        </div>
        <div className="bg-card border-border rounded-xl border p-4">
          <dt className="text-muted-foreground text-sm">{t("analytics.customers.average")}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="customers-average">
            {f.money(report.averagePerCustomer)}
          </dd>
        </div>
      </dl>
      <ChartCard
        id="customers"
        title={t("analytics.customers.title")}
        summary={t("analytics.customers.summary", {
          count: report.customers,
          revenue: f.money(report.revenue),
          average: f.money(report.averagePerCustomer),
        })}
        csvHref={csvHref}
        chart={
          <ReportChart
            kind="bar"
            x="segment"
            format={(value) => f.number(value)}
            tickFormat={f.compactNumber}
            data={report.segments.map((row) => ({ segment: segment(row.segment), customers: row.customers }))}
            series={[{ key: "customers", label: t("analytics.columns.customers"), colour: COLOURS[3]! }]}
          />
        }
        table={
          <DataTable
            testId="table-segments"
            rows={report.segments}
            rowKey={(row) => row.segment}
            columns={[
              { key: "segment", label: t("analytics.columns.segment"), cell: (row) => segment(row.segment) },
              { key: "customers", label: t("analytics.columns.customers"), cell: (row) => f.number(row.customers), numeric: true },
              { key: "revenue", label: t("analytics.columns.revenue"), cell: (row) => f.money(row.revenue), numeric: true },
            ]}
          />
        }
      />
      <section aria-labelledby="top-customers" className="space-y-2">
        <h3 id="top-customers" className="font-semibold">
          {t("analytics.customers.top")}
        </h3>
        <DataTable testId="table-top-customers" rows={report.top} rowKey={(row) => row.id} columns={customerColumns} />
      </section>
    </div>
  );
}
