"use client";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Card } from "@/components/ui/card";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import type { InvoiceStatsView } from "@/lib/invoices/types";

const CENTS = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;

/** Count, total amount, VAT total and average invoice, live and exact to the cent (the currency is named once, below). */
export function InvoiceStatsCards({ stats, currency, vatRate }: { stats: InvoiceStatsView; currency: string; vatRate: number }) {
  const t = useT();
  const locale = useLocale();
  const money = (value: string) => formatNumber(value, locale, CENTS);
  const cards = [
    { id: "count", label: t("invoices.stats.count"), value: formatNumber(stats.count, locale) },
    { id: "total", label: t("invoices.stats.total"), value: money(stats.total) },
    { id: "vat", label: t("invoices.stats.vat"), value: money(stats.vat) },
    { id: "average", label: t("invoices.stats.average"), value: money(stats.average) },
  ] as const;
  return (
    <section aria-label={t("invoices.stats.label")} className="space-y-2">
      <div className="grid grid-cols-2 gap-3 xl:grid-cols-4">
        {cards.map((card) => (
          <Card key={card.id} className="flex min-w-0 flex-col gap-1 p-4">
            <h2 className="text-muted-foreground text-sm font-medium">{card.label}</h2>
            <p
              className="text-lg leading-tight font-semibold [overflow-wrap:anywhere] tabular-nums sm:text-2xl"
              data-testid={`stats-${card.id}`}
            >
              {card.value}
            </p>
          </Card>
        ))}
      </div>
      <p className="text-muted-foreground text-xs">
        {t("invoices.stats.vatRate", { currency, rate: formatPercent(vatRate, locale, Number.isInteger(vatRate * 100) ? 0 : 2) })}
      </p>
    </section>
  );
}
