import { Share2 } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.shares.title") };
}

export default async function SharesPage() {
  await requireUser("/admin/shares");
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t("pages.shares.title")} description={t("pages.shares.description")} />
      <EmptyState icon={Share2} title={t("common.comingSoon")} description={t("pages.shares.empty")} />
    </>
  );
}
