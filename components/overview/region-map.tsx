"use client";

import type { ReactNode } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormatters } from "@/components/ui/use-formatters";
import type { KpiSnapshotPayload } from "@/lib/kpis/types";

// Light to dark: more revenue reads as a deeper colour on light and dark themes alike.
const STEPS = ["#cfe8f3", "#9fd0e6", "#5fb0d6", "#2b86bd", "#0b5a96"];
const NEUTRAL = "var(--muted)";

/** Kenya's counties, each coloured by its branch region's revenue this month; counties with no branch region stay neutral. */
export function RegionMap({ payload, shapes }: { payload: KpiSnapshotPayload; shapes: ReactNode }) {
  const t = useT();
  const format = useFormatters(payload.currency);
  const max = Math.max(0, ...payload.regions.map((region) => Number(region.revenue)));
  const colour = (revenue: string) =>
    max === 0 ? STEPS[0]! : STEPS[Math.min(STEPS.length - 1, Math.floor((Number(revenue) / max) * STEPS.length))]!;
  const regionOf = new Map(payload.regions.flatMap((region) => region.counties.map((county) => [county, region] as const)));
  const quote = (name: string) => `"${name.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  const fills = [
    `[data-testid="region-map"] path[data-county] { fill: ${NEUTRAL}; }`,
    ...[...regionOf].map(
      ([county, region]) => `[data-testid="region-map"] path[data-county=${quote(county)}] { fill: ${colour(region.revenue)}; }`,
    ),
  ].join("\n");
  const summary = payload.regions.map((region) => `${region.name} ${format.money(region.revenue)}`).join("; ");
  return (
    <Card data-testid="region-map">
      <CardHeader>
        <CardTitle>{t("analytics.overview.map")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto]">
        <div>
          {/* Colours by county from the live snapshot; the shapes themselves come from the server render. */}
          <style>{fills}</style>
          <p className="sr-only">{t("analytics.overview.mapLabel", { summary })}</p>
          {shapes}
        </div>
        <ul className="space-y-1 text-sm" aria-label={t("analytics.overview.region")}>
          {payload.regions.map((region) => (
            <li key={region.code} className="flex items-center gap-2" data-testid={`region-${region.code}`}>
              <span aria-hidden className="inline-block size-3 rounded-sm" style={{ background: colour(region.revenue) }} />
              <span className="flex-1">{region.name}</span>
              <span className="tabular-nums">{format.money(region.revenue)}</span>
            </li>
          ))}
          <li className="text-muted-foreground flex items-center gap-2">
            <span aria-hidden className="inline-block size-3 rounded-sm border" style={{ background: NEUTRAL }} />
            {t("analytics.overview.noRegion")}
          </li>
        </ul>
      </CardContent>
    </Card>
  );
}
