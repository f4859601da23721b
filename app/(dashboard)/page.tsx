import type { Metadata } from "next";

import { KpiBoard } from "@/components/overview/kpi-board";
import { PageHeader } from "@/components/ui/page-header";
import { getKpiSnapshot, resolveKpiScope } from "@/lib/kpis/get-snapshot";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.overview.title") };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ unit?: string }> }) {
  const user = await requireUser("/");
  const [t, { unit }] = await Promise.all([getTranslator(), searchParams]);
  const scope = await resolveKpiScope(user, unit);
  const snapshot = await getKpiSnapshot(scope.key);
  return (
    <>
      <PageHeader title={t("pages.overview.title")} description={t("pages.overview.description")} />
      <KpiBoard initial={snapshot} scope={scope.key} channel={scope.channel} />
    </>
  );
}
