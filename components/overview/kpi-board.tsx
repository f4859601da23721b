"use client";

import { AlertTriangle } from "lucide-react";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { ConnectionIndicator } from "@/components/realtime/connection-indicator";
import { formatCompactCurrency, formatCompactNumber, formatCurrency, formatNumber, formatPercent } from "@/lib/i18n/format";
import { buildKpiFigures, type KpiFigure } from "@/lib/kpis/kpi-cards";
import type { KpiSnapshotView } from "@/lib/kpis/types";
import { useKpiSnapshot } from "@/lib/queries/use-kpi-snapshot";
import { formatInstant } from "@/lib/time/format-instant";

import { KpiCard } from "./kpi-card";

const LABELS = {
  "revenue-today": "overview.kpis.revenueToday",
  "month-to-date": "overview.kpis.monthToDate",
  "orders-today": "overview.kpis.ordersToday",
  "average-ticket": "overview.kpis.averageTicket",
  "gross-margin": "overview.kpis.grossMargin",
} as const;

/** The headline KPI cards and the live indicator, kept current over the scope's channel. */
export function KpiBoard({ initial, scope, channel }: { initial: KpiSnapshotView; scope: string; channel: string }) {
  const t = useT();
  const locale = useLocale();
  const { data = initial, liveStatus } = useKpiSnapshot({ initial, scope, channel });
  const { payload } = data;

  const formatValue = (figure: KpiFigure) => {
    if (figure.value === null) return "—";
    if (figure.kind === "money") return formatCurrency(figure.value, locale, payload.currency, { maximumFractionDigits: 0 });
    if (figure.kind === "count") return formatNumber(figure.value, locale);
    return formatPercent(Number(figure.value), locale);
  };
  const formatCompact = (figure: KpiFigure) => {
    if (figure.value === null || figure.kind === "ratio") return formatValue(figure);
    if (figure.kind === "money") return formatCompactCurrency(figure.value, locale, payload.currency);
    return formatCompactNumber(figure.value, locale);
  };
  const formatChange = (figure: KpiFigure) => {
    if (figure.change === null) return null;
    const direction = figure.change > 0.0005 ? "up" : figure.change < -0.0005 ? "down" : "flat";
    const sign = figure.change > 0 ? "+" : "";
    const text =
      figure.kind === "ratio"
        ? t("overview.kpis.points", { value: `${sign}${formatNumber(figure.change, locale, { maximumFractionDigits: 1 })}` })
        : `${sign}${formatPercent(figure.change, locale)}`;
    return { text, direction } as const;
  };

  return (
    <section aria-label={t("pages.overview.title")} className="space-y-4">
      <ConnectionIndicator status={liveStatus} asOf={data.computedAt} timeZone={payload.timeZone} />
      {data.stale ? (
        <p
          role="alert"
          data-testid="kpi-stale"
          className="flex items-start gap-2 rounded-lg border border-amber-500/40 bg-amber-500/10 p-3 text-sm"
        >
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
          {t("overview.stale", {
            error: data.lastError ?? "?",
            time: formatInstant(data.computedAt, locale, payload.timeZone, "time"),
          })}
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-5">
        {buildKpiFigures(payload).map((figure) => (
          <KpiCard
            key={figure.id}
            id={figure.id}
            label={t(LABELS[figure.id])}
            value={formatValue(figure)}
            compactValue={formatCompact(figure)}
            change={formatChange(figure)}
            comparison={
              figure.change === null
                ? t("overview.kpis.noComparison")
                : t(figure.comparedTo === "yesterday" ? "overview.kpis.vsYesterday" : "overview.kpis.vsLastMonth")
            }
          />
        ))}
      </div>
    </section>
  );
}
