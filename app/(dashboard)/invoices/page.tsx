import { ReceiptText } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.invoices.title") };
}

export default async function InvoicesPage() {
  await requireUser("/invoices");
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t("pages.invoices.title")} description={t("pages.invoices.description")} />
      <EmptyState icon={ReceiptText} title={t("common.comingSoon")} description={t("pages.invoices.empty")} />
    </>
  );
}
