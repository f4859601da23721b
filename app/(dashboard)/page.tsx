import { LayoutDashboard } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.overview.title") };
}

export default async function OverviewPage() {
  await requireUser("/");
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t("pages.overview.title")} description={t("pages.overview.description")} />
      <EmptyState icon={LayoutDashboard} title={t("common.comingSoon")} description={t("pages.overview.empty")} />
    </>
  );
}
