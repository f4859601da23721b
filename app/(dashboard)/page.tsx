import type { Metadata } from "next";

import { KioskLayer } from "@/components/overview/kiosk-layer";
import { OverviewBody } from "@/components/overview/overview-body";
import { WhoIsWatching } from "@/components/presence/who-is-watching";
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
  const [snapshot, invoices] = await Promise.all([getKpiSnapshot(scope.key), listInvoices({ businessUnitId: scope.businessUnitId }, 10)]);
  const content = (
    <>
      <PageHeader
        title={t("pages.overview.title")}
        description={kiosk === "1" ? undefined : t("pages.overview.description")}
        actions={<WhoIsWatching channel={scopedChannel("viewers", user.businessUnitSlug)} meId={user.id} />}
      />
      <OverviewBody snapshot={snapshot} invoices={invoices} unitSlug={scope.key === "all" ? null : scope.key} />
    </>
  );
  return kiosk === "1" ? <KioskLayer label={t("analytics.overview.kiosk")}>{content}</KioskLayer> : content;
}
