"use client";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatNumber } from "@/lib/i18n/format";
import type { MessageKey } from "@/lib/i18n/translate";
import type { RunLogLine, RunView } from "@/lib/pipeline/types";
import { usePipelineRun } from "@/lib/queries/use-pipeline-runs";

import { QuarantineTable } from "./quarantine-table";
import { RunLog } from "./run-log";
import { RunStatusBadge } from "./run-status-badge";

const COUNTERS = [
  ["read", "rowsRead"],
  ["valid", "rowsValid"],
  ["rejected", "rowsRejected"],
  ["inserted", "rowsInserted"],
  ["updated", "rowsUpdated"],
  ["unchanged", "rowsUnchanged"],
] as const;

/** One run: live counters and status, its log, and its rejected rows once it ends. */
export function RunDetail({ initial, initialLog }: { initial: RunView; initialLog: RunLogLine[] }) {
  const t = useT();
  const locale = useLocale();
  const { data: run = initial } = usePipelineRun(initial.id, initial);
  const finished = run.status === "SUCCEEDED" || run.status === "FAILED";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <RunStatusBadge status={run.status} />
        {run.dryRun ? <Badge tone="outline">{t("pipeline.dryRunBadge")}</Badge> : null}
        <span className="text-muted-foreground">{run.fileName}</span>
        <span className="text-muted-foreground">{t("pipeline.source", { source: run.source })}</span>
        {run.durationMs !== null ? (
          <span className="tabular-nums">
            {t("pipeline.seconds", { value: formatNumber(run.durationMs / 1000, locale, { maximumFractionDigits: 1 }) })}
          </span>
        ) : null}
        {run.rate ? <span className="tabular-nums">{t("pipeline.rate", { rate: formatNumber(run.rate, locale) })}</span> : null}
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {COUNTERS.map(([label, key]) => (
          <Card key={key} className="p-3" data-testid={`counter-${label}`}>
            <div className="text-muted-foreground text-xs uppercase">{t(`pipeline.columns.${label}` as MessageKey)}</div>
            <div className="text-xl font-semibold tabular-nums">{formatNumber(run[key], locale)}</div>
          </Card>
        ))}
      </div>
      {run.error ? (
        <p role="alert" className="text-danger text-sm" data-testid="run-error">
          {t("pipeline.error")}: {run.error}
        </p>
      ) : null}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("pipeline.log")}</h2>
        <RunLog runId={run.id} initial={initialLog} />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("pipeline.rejectedRows")}</h2>
        <QuarantineTable filter={{ runId: run.id }} refreshKey={finished ? run.finishedAt : run.status} />
      </section>
    </div>
  );
}
