import { ShieldAlert } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.quarantine.title") };
}

export default async function QuarantinePage() {
  await requireUser("/quarantine");
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t("pages.quarantine.title")} description={t("pages.quarantine.description")} />
      <EmptyState icon={ShieldAlert} title={t("common.comingSoon")} description={t("pages.quarantine.empty")} />
    </>
  );
}
