"use client";

import type { ReactNode } from "react";

import type { InvoiceSummary } from "@/lib/invoices/types";
import type { KpiSnapshotView } from "@/lib/kpis/types";
import { useKpiSnapshot } from "@/lib/queries/use-kpi-snapshot";

import { InvoiceTicker } from "./invoice-ticker";
import { OverviewCharts } from "./overview-charts";
import { RegionMap } from "./region-map";
import { TopBranches } from "./top-branches";
import { UnitSplit } from "./unit-split";

export interface OverviewWallProps {
  initial: KpiSnapshotView;
  scope: string;
  channel: string;
  invoices: InvoiceSummary[];
  invoiceChannel: string;
  /** The county shapes, rendered on the server (see KenyaCountiesSvg). */
  mapShapes: ReactNode;
  /** The counties those shapes draw. */
  mapCounties: readonly string[];
}

/** The blocks under the KPI cards; the same cached snapshot as KpiBoard, so one broadcast moves them all. */
export function OverviewWall({ initial, scope, channel, invoices, invoiceChannel, mapShapes, mapCounties }: OverviewWallProps) {
  const { data = initial } = useKpiSnapshot({ initial, scope, channel });
  const { payload } = data;
  return (
    <div className="mt-4 grid grid-cols-1 gap-4 lg:grid-cols-3">
      <UnitSplit payload={payload} />
      <OverviewCharts payload={payload} />
      <div className="lg:col-span-2">
        <RegionMap payload={payload} shapes={mapShapes} mapCounties={mapCounties} />
      </div>
      <TopBranches payload={payload} />
      <div className="lg:col-span-3">
        <InvoiceTicker initial={invoices} scope={scope} channel={invoiceChannel} currency={payload.currency} timeZone={payload.timeZone} />
      </div>
    </div>
  );
}
