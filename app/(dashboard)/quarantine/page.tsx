import type { Metadata } from "next";

import { QuarantineReview } from "@/components/pipeline/quarantine-review";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

type Props = { searchParams: Promise<{ run?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pipeline.quarantineTitle") };
}

export default async function QuarantinePage({ searchParams }: Props) {
  await requireUser("/quarantine");
  const [t, { run }] = await Promise.all([getTranslator(), searchParams]);
  return (
    <>
      <PageHeader title={t("pipeline.quarantineTitle")} description={t("pipeline.quarantineDescription")} />
      <QuarantineReview initialRunId={run && /^\d{1,9}$/.test(run) ? Number(run) : undefined} />
    </>
  );
}
