import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { RunDetail } from "@/components/pipeline/run-detail";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { getRun, listRunLogs } from "@/lib/pipeline/run-queries";
import { requireUser } from "@/lib/server/auth/require-user";
import { AppError } from "@/lib/server/errors";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pipeline.runTitle", { id: (await params).id }) };
}

export default async function PipelineRunPage({ params }: Props) {
  const user = await requireUser("/pipeline/runs");
  const { id } = await params;
  // Run ids are positive integers; anything else cannot name a run.
  if (!/^[1-9]\d{0,9}$/.test(id)) notFound();
  const runId = Number(id);
  const [t, run, log] = await Promise.all([getTranslator(), getRun(user, runId), listRunLogs(user, runId)]).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={t("pipeline.runTitle", { id })}
        actions={
          <Link className="text-primary text-sm hover:underline" href="/pipeline">
            {t("pipeline.backToRuns")}
          </Link>
        }
      />
      <RunDetail initial={run} initialLog={log} />
    </>
  );
}
