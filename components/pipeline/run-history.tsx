"use client";

import Link from "next/link";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { RunView } from "@/lib/pipeline/types";
import { usePipelineRuns } from "@/lib/queries/use-pipeline-runs";

import { RunStatusBadge } from "./run-status-badge";

/** The run history, live: new runs and their progress arrive on private-pipeline. */
export function RunHistory({ initial }: { initial: RunView[] }) {
  const t = useT();
  const locale = useLocale();
  const { data: runs = initial } = usePipelineRuns(initial);
  const n = (value: number) => formatNumber(value, locale);
  if (runs.length === 0) return <p className="text-muted-foreground text-sm">{t("pipeline.noRuns")}</p>;
  return (
    <Table data-testid="run-history">
      <TableHeader>
        <TableRow>
          <TableHead>{t("pipeline.columns.run")}</TableHead>
          <TableHead>{t("pipeline.columns.file")}</TableHead>
          <TableHead>{t("pipeline.columns.status")}</TableHead>
          <TableHead className="text-right">{t("pipeline.columns.read")}</TableHead>
          <TableHead className="text-right">{t("pipeline.columns.rejected")}</TableHead>
          <TableHead className="text-right">{t("pipeline.columns.inserted")}</TableHead>
          <TableHead className="text-right">{t("pipeline.columns.updated")}</TableHead>
          <TableHead className="text-right">{t("pipeline.columns.unchanged")}</TableHead>
          <TableHead className="text-right">{t("pipeline.columns.duration")}</TableHead>
          <TableHead>{t("pipeline.columns.started")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id} data-testid={`run-row-${run.id}`}>
            <TableCell>
              <Link className="text-primary font-medium hover:underline" href={`/pipeline/runs/${run.id}`}>
                #{run.id}
              </Link>
            </TableCell>
            <TableCell className="max-w-56 truncate" title={run.fileName}>
              {run.fileName} {run.dryRun ? <Badge tone="outline">{t("pipeline.dryRunBadge")}</Badge> : null}
            </TableCell>
            <TableCell>
              <RunStatusBadge status={run.status} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{n(run.rowsRead)}</TableCell>
            <TableCell className="text-right tabular-nums">{n(run.rowsRejected)}</TableCell>
            <TableCell className="text-right tabular-nums">{n(run.rowsInserted)}</TableCell>
            <TableCell className="text-right tabular-nums">{n(run.rowsUpdated)}</TableCell>
            <TableCell className="text-right tabular-nums">{n(run.rowsUnchanged)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {run.durationMs === null
                ? "–"
                : t("pipeline.seconds", { value: formatNumber(run.durationMs / 1000, locale, { maximumFractionDigits: 1 }) })}
            </TableCell>
            <TableCell className="whitespace-nowrap">{formatDateTime(run.createdAt, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
