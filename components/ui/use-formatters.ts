"use client";

import { useLocale } from "@/components/i18n/i18n-provider";
import { formatCompactCurrency, formatCompactNumber, formatCurrency, formatNumber, formatPercent } from "@/lib/i18n/format";

/** Locale-bound formatters for report cells; null ratios show as a dash. */
export function useFormatters(currency: string) {
  const locale = useLocale();
  return {
    money: (value: string) => formatCurrency(value, locale, currency, { maximumFractionDigits: 0 }),
    number: (value: number) => formatNumber(value, locale),
    // For axis ticks and other tight spots; the exact figure stays in tooltips and tables.
    compactMoney: (value: number) => formatCompactCurrency(value, locale, currency),
    compactNumber: (value: number) => formatCompactNumber(value, locale),
    percent: (value: number | null) => (value === null ? "—" : formatPercent(value, locale)),
    signed: (value: number | null) => (value === null ? "—" : `${value > 0 ? "+" : ""}${formatPercent(value, locale)}`),
  };
}
