import { KeyRound } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.tokens.title") };
}

export default async function TokensPage() {
  await requireUser("/admin/tokens");
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t("pages.tokens.title")} description={t("pages.tokens.description")} />
      <EmptyState icon={KeyRound} title={t("common.comingSoon")} description={t("pages.tokens.empty")} />
    </>
  );
}
