import type { Metadata } from "next";

import { KioskLayer } from "@/components/overview/kiosk-layer";
import { OverviewBody } from "@/components/overview/overview-body";
import { OverviewControls } from "@/components/overview/overview-controls";
import { WhoIsWatching } from "@/components/presence/who-is-watching";
import { PageHeader } from "@/components/ui/page-header";
import { listSwitchableUnits } from "@/lib/analytics/filter-options";
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
  const [snapshot, invoices, units] = await Promise.all([
    getKpiSnapshot(scope.key),
    listInvoices({ businessUnitId: scope.businessUnitId }, 10),
    kiosk === "1" ? [] : listSwitchableUnits(user),
  ]);
  const content = (
    <>
      <PageHeader
        title={t("pages.overview.title")}
        description={kiosk === "1" ? undefined : t("pages.overview.description")}
        actions={
          <>
            <WhoIsWatching channel={scopedChannel("viewers", user.businessUnitSlug)} meId={user.id} />
            {kiosk === "1" ? null : <OverviewControls units={units} unit={scope.key === "all" || units.length === 0 ? null : scope.key} />}
          </>
        }
      />
      <OverviewBody snapshot={snapshot} invoices={invoices} unitSlug={scope.key === "all" ? null : scope.key} />
    </>
  );
  return kiosk === "1" ? <KioskLayer label={t("analytics.overview.kiosk")}>{content}</KioskLayer> : content;
}
