"use client";

import Link from "next/link";

import { useT } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import type { QuarantinedRowView } from "@/lib/pipeline/types";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";
import { QUARANTINE_KEY, useQuarantine, type QuarantineFilter } from "@/lib/queries/use-pipeline-runs";

import { FixRowDialog } from "./fix-row-dialog";

const preview = (row: QuarantinedRowView) =>
  Object.entries(row.raw)
    .slice(0, 6)
    .map(([key, value]) => `${key}=${value}`)
    .join(" · ");

/** Rejected rows with their reason; pending ones can be discarded or fixed and reprocessed. */
export function QuarantineTable({ filter, refreshKey }: { filter: QuarantineFilter; refreshKey?: unknown }) {
  const t = useT();
  const { data: rows = [], isLoading } = useQuarantine(filter, refreshKey);
  const discard = useApiMutation({
    send: (id: number) => sendEnvelope({ url: `/api/v1/quarantine/${id}/discard` }),
    invalidates: [QUARANTINE_KEY],
  });

  if (!isLoading && rows.length === 0) return <p className="text-muted-foreground text-sm">{t("pipeline.noRejected")}</p>;
  return (
    <DataTable
      testId="quarantine-table"
      rows={rows}
      rowKey={(row) => row.id}
      rowData={(row) => ({ "data-testid": "quarantine-row", "data-reason": row.reasonCode })}
      columns={[
        {
          key: "run",
          label: t("pipeline.columns.run"),
          cell: (row) => (
            <Link className="text-primary hover:underline" href={`/pipeline/runs/${row.runId}`}>
              #{row.runId}
            </Link>
          ),
        },
        { key: "row", label: t("pipeline.columns.row"), cell: (row) => row.rowNumber, className: "tabular-nums" },
        { key: "reason", label: t("pipeline.columns.reason"), cell: (row) => <Badge tone="warning">{row.reasonCode}</Badge> },
        { key: "message", label: t("pipeline.columns.message"), cell: (row) => row.message, className: "max-w-64 whitespace-normal" },
        {
          key: "values",
          label: t("pipeline.columns.values"),
          className: "text-muted-foreground max-w-72 truncate font-mono text-xs",
          cell: (row) => <span title={preview(row)}>{preview(row)}</span>,
        },
        { key: "status", label: t("pipeline.columns.status"), cell: (row) => t(`pipeline.status.${row.status}`) },
        {
          key: "actions",
          label: t("pipeline.columns.actions"),
          cell: (row) =>
            row.status === "PENDING" ? (
              <div className="flex gap-2">
                <FixRowDialog row={row} />
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={discard.isPending}
                  onClick={() => discard.mutate(row.id)}
                  data-testid="discard-row"
                >
                  {t("pipeline.discard")}
                </Button>
              </div>
            ) : null,
        },
      ]}
    />
  );
}
