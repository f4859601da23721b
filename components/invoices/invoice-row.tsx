"use client";

import { memo, type CSSProperties } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { InvoiceSummary } from "@/lib/invoices/types";
import { formatInstant } from "@/lib/time/format-instant";
import { cn } from "@/lib/utils/cn";

export interface InvoiceFormat {
  locale: Locale;
  timeZone: string;
}

interface RowProps {
  invoice: InvoiceSummary;
  format: InvoiceFormat;
  highlighted: boolean;
  rowIndex: number;
  style: CSSProperties;
}

// Number, issued, company, unit, branch, subtotal, VAT, total: 56rem at least, which fits beside the sidebar at 1280 px.
const COLUMNS = "grid grid-cols-[9rem_5.5rem_minmax(6rem,1fr)_5.5rem_minmax(6rem,0.8fr)_6.5rem_6rem_7rem] items-center gap-x-2 px-4";
export const MIN_TABLE_WIDTH = "min-w-[56rem]";

const HIGHLIGHT = "bg-primary/10 animate-[fade-in_400ms_ease-out]";

const time = (iso: string, format: InvoiceFormat) => formatInstant(iso, format.locale, format.timeZone, "time");
// The currency is named once, above the grid.
const money = (value: string, format: InvoiceFormat) =>
  formatNumber(value, format.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function InvoiceTableHeader() {
  const t = useT();
  const heads = ["number", "issuedAt", "company", "unit", "branch", "subtotal", "vat", "total"] as const;
  return (
    <div role="rowgroup" className="bg-muted sticky top-0 z-10">
      <div role="row" className={cn(COLUMNS, "border-border h-9 border-b")}>
        {heads.map((head, index) => (
          <span
            key={head}
            role="columnheader"
            className={cn("text-muted-foreground text-xs font-medium tracking-wide uppercase", index >= 5 && "text-right")}
          >
            {t(`invoices.grid.${head}`)}
          </span>
        ))}
      </div>
    </div>
  );
}

/** One invoice as a table row (desktop). */
export const InvoiceRow = memo(function InvoiceRow({ invoice, format, highlighted, rowIndex, style }: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-testid="invoice-row"
      data-number={invoice.number}
      data-highlighted={highlighted || undefined}
      style={style}
      className={cn(COLUMNS, "border-border border-b text-sm transition-colors duration-700", highlighted && HIGHLIGHT)}
    >
      <span role="cell" className="truncate font-mono text-xs">
        {invoice.number}
      </span>
      <span role="cell" className="text-muted-foreground tabular-nums">
        {time(invoice.issuedAt, format)}
      </span>
      <span role="cell" className="truncate font-medium" title={invoice.company}>
        {invoice.company}
      </span>
      <span role="cell" className="truncate">
        {invoice.businessUnit}
      </span>
      <span role="cell" className="text-muted-foreground truncate" title={invoice.branch}>
        {invoice.branch}
      </span>
      <span role="cell" className="text-right tabular-nums">
        {money(invoice.subtotal, format)}
      </span>
      <span role="cell" className="text-muted-foreground text-right tabular-nums">
        {money(invoice.vat, format)}
      </span>
      <span role="cell" className="text-right font-semibold tabular-nums">
        {money(invoice.total, format)}
      </span>
    </div>
  );
});

/** One invoice as a card (phones). */
export const InvoiceCard = memo(function InvoiceCard({ invoice, format, highlighted, rowIndex, style }: RowProps) {
  const t = useT();
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-testid="invoice-row"
      data-number={invoice.number}
      data-highlighted={highlighted || undefined}
      style={style}
      className="px-3 pt-2"
    >
      <div
        role="cell"
        className={cn(
          "border-border bg-card flex h-full flex-col justify-between rounded-lg border p-3 text-sm shadow-xs transition-colors duration-700",
          highlighted && HIGHLIGHT,
        )}
      >
        <div className="flex items-baseline justify-between gap-2">
          <span className="truncate font-mono text-xs">{invoice.number}</span>
          <span className="text-muted-foreground shrink-0 text-xs tabular-nums">{time(invoice.issuedAt, format)}</span>
        </div>
        <p className="truncate font-medium">{invoice.company}</p>
        <p className="text-muted-foreground truncate text-xs">
          {invoice.businessUnit} · {invoice.branch}
        </p>
        <div className="flex items-baseline justify-between gap-2">
          <span className="text-muted-foreground text-xs tabular-nums">
            {t("invoices.grid.vat")} {money(invoice.vat, format)}
          </span>
          <span className="font-semibold tabular-nums">{money(invoice.total, format)}</span>
        </div>
      </div>
    </div>
  );
});
