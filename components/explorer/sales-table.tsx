"use client";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { DataTable } from "@/components/ui/data-table";
import { useFormatters } from "@/components/ui/use-formatters";
import type { SaleRecord } from "@/lib/explorer/options";
import { formatInstant } from "@/lib/time/format-instant";

/** One page of sales lines; amounts to the cent, times in the business time zone. */
export function SalesTable({ rows, currency, timeZone }: { rows: SaleRecord[]; currency: string; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  const f = useFormatters(currency);
  const exact = new Intl.NumberFormat(locale, { style: "currency", currency });
  return (
    <DataTable
      testId="sales-table"
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        { key: "soldAt", label: t("explorer.columns.soldAt"), cell: (row) => formatInstant(row.soldAt, locale, timeZone) },
        { key: "order", label: t("explorer.columns.order"), cell: (row) => <span data-testid="sale-order">{row.orderId}</span> },
        { key: "unit", label: t("explorer.columns.unit"), cell: (row) => row.unit },
        { key: "branch", label: t("explorer.columns.branch"), cell: (row) => row.branch },
        { key: "salesperson", label: t("explorer.columns.salesperson"), cell: (row) => row.salesperson },
        {
          key: "product",
          label: t("explorer.columns.product"),
          cell: (row) => (
            <span>
              <span className="text-muted-foreground mr-1 font-mono text-xs">{row.sku}</span>
              {row.product}
            </span>
          ),
        },
        { key: "customer", label: t("explorer.columns.customer"), cell: (row) => row.customer },
        { key: "quantity", label: t("explorer.columns.quantity"), cell: (row) => f.number(row.quantity), numeric: true },
        {
          key: "revenue",
          label: t("explorer.columns.revenue"),
          cell: (row) => (
            <span data-testid="sale-revenue" data-value={row.revenue}>
              {exact.format(Number(row.revenue))}
            </span>
          ),
          numeric: true,
        },
        { key: "profit", label: t("explorer.columns.profit"), cell: (row) => exact.format(Number(row.profit)), numeric: true },
      ]}
    />
  );
}
