import type { Metadata } from "next";

import { KenyaCountiesSvg } from "@/components/overview/kenya-counties-svg";
import { KioskLayer } from "@/components/overview/kiosk-layer";
import { KpiBoard } from "@/components/overview/kpi-board";
import { OverviewWall } from "@/components/overview/overview-wall";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { getKpiSnapshot, resolveKpiScope } from "@/lib/kpis/get-snapshot";
import { scopedChannel } from "@/lib/realtime/channels";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.overview.title") };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ unit?: string; kiosk?: string }> }) {
  const user = await requireUser("/");
  const [t, { unit, kiosk }] = await Promise.all([getTranslator(), searchParams]);
  const scope = await resolveKpiScope(user, unit);
  const unitSlug = scope.key === "all" ? null : scope.key;
  const [snapshot, invoices] = await Promise.all([getKpiSnapshot(scope.key), listInvoices({ businessUnitId: scope.businessUnitId }, 10)]);
  const regionOf = new Map(snapshot.payload.regions.flatMap((region) => region.counties.map((county) => [county, region.name] as const)));
  const mapShapes = <KenyaCountiesSvg label={t("analytics.overview.map")} regionOf={regionOf} />;
  const content = (
    <>
      <PageHeader title={t("pages.overview.title")} description={kiosk === "1" ? undefined : t("pages.overview.description")} />
      <KpiBoard initial={snapshot} scope={scope.key} channel={scope.channel} />
      <OverviewWall
        initial={snapshot}
        scope={scope.key}
        channel={scope.channel}
        invoices={invoices}
        invoiceChannel={scopedChannel("invoices", unitSlug)}
        mapShapes={mapShapes}
      />
    </>
  );
  return kiosk === "1" ? <KioskLayer label={t("analytics.overview.kiosk")}>{content}</KioskLayer> : content;
}
