"use client";

import { useId, useMemo, type ReactNode } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormatters } from "@/components/ui/use-formatters";
import { splitRegions } from "@/lib/geo/split-regions";
import type { KpiSnapshotPayload } from "@/lib/kpis/types";

// Light to dark: more revenue reads as a deeper colour on light and dark themes alike.
const STEPS = ["#cfe8f3", "#9fd0e6", "#5fb0d6", "#2b86bd", "#0b5a96"];
const NEUTRAL = "var(--muted)";

/** Kenya's counties, each coloured by its branch region's revenue this month; counties with no branch region stay neutral. */
export function RegionMap({
  payload,
  shapes,
  mapCounties,
}: {
  payload: KpiSnapshotPayload;
  shapes: ReactNode;
  /** The counties the shapes draw; regions with none of them are listed apart. */
  mapCounties: readonly string[];
}) {
  const t = useT();
  const format = useFormatters(payload.currency);
  const otherTitle = useId();
  const { mapped, other } = useMemo(() => splitRegions(payload.regions, new Set(mapCounties)), [payload.regions, mapCounties]);
  // The scale spans what the map shows: one large off-map region would pale every county.
  const max = Math.max(0, ...mapped.map((region) => Number(region.revenue)));
  const colour = (revenue: string) =>
    max === 0 ? STEPS[0]! : STEPS[Math.max(0, Math.min(STEPS.length - 1, Math.floor((Number(revenue) / max) * STEPS.length)))]!;
  const regionOf = new Map(payload.regions.flatMap((region) => region.counties.map((county) => [county, region] as const)));
  const quote = (name: string) => `"${name.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  const fills = [
    `[data-testid="region-map"] path[data-county] { fill: ${NEUTRAL}; }`,
    ...[...regionOf].map(
      ([county, region]) => `[data-testid="region-map"] path[data-county=${quote(county)}] { fill: ${colour(region.revenue)}; }`,
    ),
  ].join("\n");
  const summary = [...mapped, ...other].map((region) => `${region.name} ${format.money(region.revenue)}`).join("; ");
  const row = (region: (typeof mapped)[number], swatch: boolean) => (
    <li key={region.code} className="flex items-center gap-2" data-testid={`region-${region.code}`}>
      {swatch ? (
        <span aria-hidden className="inline-block size-3 shrink-0 rounded-sm" style={{ background: colour(region.revenue) }} />
      ) : null}
      <span className="min-w-0 flex-1 truncate">{region.name}</span>
      <span className="tabular-nums">{format.money(region.revenue)}</span>
    </li>
  );
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
        <div className="space-y-4 text-sm">
          <ul className="space-y-1" aria-label={t("analytics.overview.region")} data-testid="region-legend">
            {mapped.map((region) => row(region, true))}
            <li className="text-muted-foreground flex items-center gap-2">
              <span aria-hidden className="inline-block size-3 shrink-0 rounded-sm border" style={{ background: NEUTRAL }} />
              {t("analytics.overview.noRegion")}
            </li>
          </ul>
          {other.length > 0 ? (
            <section aria-labelledby={otherTitle} data-testid="other-regions">
              <h4 id={otherTitle} className="text-muted-foreground mb-1 font-medium">
                {t("analytics.overview.otherRegions")}
              </h4>
              <ul className="space-y-1">{other.map((region) => row(region, false))}</ul>
            </section>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
