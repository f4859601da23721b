import { ScrollText } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.audit.title") };
}

export default async function AuditPage() {
  await requireUser("/admin/audit");
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t("pages.audit.title")} description={t("pages.audit.description")} />
      <EmptyState icon={ScrollText} title={t("common.comingSoon")} description={t("pages.audit.empty")} />
    </>
  );
}
