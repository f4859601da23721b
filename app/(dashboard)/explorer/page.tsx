import { Table2 } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.explorer.title") };
}

export default async function ExplorerPage() {
  await requireUser("/explorer");
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t("pages.explorer.title")} description={t("pages.explorer.description")} />
      <EmptyState icon={Table2} title={t("common.comingSoon")} description={t("pages.explorer.empty")} />
    </>
  );
}
