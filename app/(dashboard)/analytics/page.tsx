import { ChartLine } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.analytics.title") };
}

export default async function AnalyticsPage() {
  await requireUser("/analytics");
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t("pages.analytics.title")} description={t("pages.analytics.description")} />
      <EmptyState icon={ChartLine} title={t("common.comingSoon")} description={t("pages.analytics.empty")} />
    </>
  );
}
