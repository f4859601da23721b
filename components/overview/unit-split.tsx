"use client";

import { useT } from "@/components/i18n/i18n-provider";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormatters } from "@/components/ui/use-formatters";
import type { KpiSnapshotPayload } from "@/lib/kpis/types";

/** Orglight vs Perfil: each unit's share of this month's revenue as a bar, with today's figure. */
export function UnitSplit({ payload }: { payload: KpiSnapshotPayload }) {
  const t = useT();
  const format = useFormatters(payload.currency);
  const total = payload.units.reduce((sum, unit) => sum + Number(unit.revenueMonthToDate), 0);
  return (
    <Card data-testid="unit-split">
      <CardHeader>
        <CardTitle>{t("analytics.overview.units")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {payload.units.map((unit, index) => {
          const share = total === 0 ? 0 : Number(unit.revenueMonthToDate) / total;
          return (
            <div key={unit.slug} data-testid={`unit-${unit.slug}`}>
              <div className="flex items-baseline justify-between gap-2">
                <span className="font-medium">{unit.name}</span>
                <span className="tabular-nums">{format.percent(share)}</span>
              </div>
              <div className="bg-muted mt-1 h-3 overflow-hidden rounded-full" aria-hidden>
                <div className={index % 2 === 0 ? "h-full bg-sky-500" : "h-full bg-amber-500"} style={{ width: `${share * 100}%` }} />
              </div>
              <p className="text-muted-foreground mt-1 text-sm tabular-nums">
                {t("analytics.overview.unitsToday")} {format.money(unit.revenueToday)} · {t("analytics.overview.unitsMonth")}{" "}
                {format.money(unit.revenueMonthToDate)}
              </p>
            </div>
          );
        })}
      </CardContent>
    </Card>
  );
}
