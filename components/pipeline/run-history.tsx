"use client";

import Link from "next/link";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { BusinessTime } from "@/components/time/business-clock";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatNumber } from "@/lib/i18n/format";
import type { MessageKey } from "@/lib/i18n/translate";
import type { RunView } from "@/lib/pipeline/types";
import { usePipelineRuns } from "@/lib/queries/use-pipeline-runs";

import { RunStatusBadge } from "./run-status-badge";

/** The run history, live: new runs and their progress arrive on private-pipeline. */
export function RunHistory({ initial, channel }: { initial: RunView[]; channel: string }) {
  const t = useT();
  const locale = useLocale();
  const { data: runs = initial } = usePipelineRuns(initial, channel);
  const n = (value: number) => formatNumber(value, locale);
  if (runs.length === 0) return <p className="text-muted-foreground text-sm">{t("pipeline.noRuns")}</p>;
  const count = (
    key: "rowsRead" | "rowsRejected" | "rowsInserted" | "rowsUpdated" | "rowsUnchanged",
    label: MessageKey,
  ): Column<RunView> => ({
    key,
    label: t(label),
    cell: (run) => n(run[key]),
    numeric: true,
  });
  return (
    <DataTable
      testId="run-history"
      rows={runs}
      rowKey={(run) => run.id}
      rowData={(run) => ({ "data-testid": `run-row-${run.id}` })}
      columns={[
        {
          key: "run",
          label: t("pipeline.columns.run"),
          cell: (run) => (
            <Link className="text-primary font-medium hover:underline" href={`/pipeline/runs/${run.id}`}>
              #{run.id}
            </Link>
          ),
        },
        {
          key: "file",
          label: t("pipeline.columns.file"),
          className: "max-w-56 truncate",
          cell: (run) => (
            <span title={run.fileName}>
              {run.fileName} {run.dryRun ? <Badge tone="outline">{t("pipeline.dryRunBadge")}</Badge> : null}
            </span>
          ),
        },
        { key: "status", label: t("pipeline.columns.status"), cell: (run) => <RunStatusBadge status={run.status} /> },
        count("rowsRead", "pipeline.columns.read"),
        count("rowsRejected", "pipeline.columns.rejected"),
        count("rowsInserted", "pipeline.columns.inserted"),
        count("rowsUpdated", "pipeline.columns.updated"),
        count("rowsUnchanged", "pipeline.columns.unchanged"),
        {
          key: "duration",
          label: t("pipeline.columns.duration"),
          numeric: true,
          cell: (run) =>
            run.durationMs === null
              ? "–"
              : t("pipeline.seconds", { value: formatNumber(run.durationMs / 1000, locale, { maximumFractionDigits: 1 }) }),
        },
        { key: "started", label: t("pipeline.columns.started"), cell: (run) => <BusinessTime value={run.createdAt} /> },
      ]}
    />
  );
}
