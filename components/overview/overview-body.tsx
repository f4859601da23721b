import { COUNTY_NAMES } from "@/lib/geo/kenya-map";
import { getTranslator } from "@/lib/i18n/server";
import type { InvoiceSummary } from "@/lib/invoices/types";
import type { KpiSnapshotView } from "@/lib/kpis/types";
import { scopedChannel } from "@/lib/realtime/channels";

import { KenyaCountiesSvg } from "./kenya-counties-svg";
import { KpiBoard } from "./kpi-board";
import { OverviewWall } from "./overview-wall";

/**
 * The overview of one scope under its header: the KPI cards and the wall, seeded from the server
 * render and kept live over the scope's channels. Shared by the signed-in overview and share links.
 */
export async function OverviewBody({
  snapshot,
  invoices,
  unitSlug,
}: {
  snapshot: KpiSnapshotView;
  invoices: InvoiceSummary[];
  /** null: every business unit. */
  unitSlug: string | null;
}) {
  const t = await getTranslator();
  const scope = unitSlug ?? "all";
  const channel = scopedChannel("kpis", unitSlug);
  const regionOf = new Map(snapshot.payload.regions.flatMap((region) => region.counties.map((county) => [county, region.name] as const)));
  return (
    <>
      <KpiBoard initial={snapshot} scope={scope} channel={channel} />
      <OverviewWall
        initial={snapshot}
        scope={scope}
        channel={channel}
        invoices={invoices}
        invoiceChannel={scopedChannel("invoices", unitSlug)}
        mapShapes={<KenyaCountiesSvg label={t("analytics.overview.map")} regionOf={regionOf} />}
        mapCounties={[...COUNTY_NAMES]}
      />
    </>
  );
}
