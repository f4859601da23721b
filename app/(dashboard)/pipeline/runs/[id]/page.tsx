import { Workflow } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.pipelineRun.title") };
}

export default async function PipelineRunPage({ params }: Props) {
  await requireUser("/pipeline/runs");
  const { id } = await params;
  // Run ids are positive integers; anything else cannot name a run.
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t("pages.pipelineRun.title")} description={t("pages.pipelineRun.description", { id })} />
      <EmptyState icon={Workflow} title={t("common.comingSoon")} description={t("pages.pipelineRun.empty")} />
    </>
  );
}
