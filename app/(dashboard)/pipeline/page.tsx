import { Workflow } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.pipeline.title") };
}

export default async function PipelinePage() {
  await requireUser("/pipeline");
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t("pages.pipeline.title")} description={t("pages.pipeline.description")} />
      <EmptyState icon={Workflow} title={t("common.comingSoon")} description={t("pages.pipeline.empty")} />
    </>
  );
}
