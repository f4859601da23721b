"use client";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormatters } from "@/components/ui/use-formatters";
import type { InvoiceSummary } from "@/lib/invoices/types";
import { useLatestInvoices } from "@/lib/queries/use-analytics-invoices";
import { formatInstant } from "@/lib/time/format-instant";

/** The newest invoices, newest first, arriving live from the invoice stream. */
export function InvoiceTicker(props: { initial: InvoiceSummary[]; scope: string; channel: string; currency: string; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters(props.currency);
  const { data = props.initial } = useLatestInvoices(props);
  return (
    <Card data-testid="invoice-ticker">
      <CardHeader>
        <CardTitle>{t("analytics.overview.invoices")}</CardTitle>
      </CardHeader>
      <CardContent>
        {data.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("analytics.overview.noInvoices")}</p>
        ) : (
          <ul aria-live="polite" className="divide-border divide-y text-sm">
            {data.map((invoice) => (
              <li key={invoice.id} className="flex items-baseline gap-2 py-1.5">
                <time dateTime={invoice.issuedAt} className="text-muted-foreground w-16 shrink-0 tabular-nums">
                  {formatInstant(invoice.issuedAt, locale, props.timeZone, "time")}
                </time>
                <span className="min-w-0 flex-1 truncate">{invoice.company}</span>
                <span className="font-medium tabular-nums">{format.money(invoice.total)}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
