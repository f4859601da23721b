"use client";

import Link from "next/link";
import { useState } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { QuarantinedRowView } from "@/lib/pipeline/types";
import { fetchEnvelope } from "@/lib/queries/fetch-envelope";
import { useQuarantine, type QuarantineFilter } from "@/lib/queries/use-pipeline-runs";

import { FixRowDialog } from "./fix-row-dialog";

const preview = (row: QuarantinedRowView) =>
  Object.entries(row.raw)
    .slice(0, 6)
    .map(([key, value]) => `${key}=${value}`)
    .join(" · ");

/** Rejected rows with their reason; pending ones can be discarded or fixed and reprocessed. */
export function QuarantineTable({ filter, refreshKey }: { filter: QuarantineFilter; refreshKey?: unknown }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const { data: rows = [], isLoading } = useQuarantine(filter, [refreshKey, version]);
  const refresh = () => setVersion((value) => value + 1);

  async function discard(id: number) {
    await fetchEnvelope(`/api/v1/quarantine/${id}/discard`, { method: "POST" });
    refresh();
  }

  if (!isLoading && rows.length === 0) return <p className="text-muted-foreground text-sm">{t("pipeline.noRejected")}</p>;
  return (
    <Table data-testid="quarantine-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("pipeline.columns.run")}</TableHead>
          <TableHead>{t("pipeline.columns.row")}</TableHead>
          <TableHead>{t("pipeline.columns.reason")}</TableHead>
          <TableHead>{t("pipeline.columns.message")}</TableHead>
          <TableHead>{t("pipeline.columns.values")}</TableHead>
          <TableHead>{t("pipeline.columns.status")}</TableHead>
          <TableHead>{t("pipeline.columns.actions")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="quarantine-row" data-reason={row.reasonCode}>
            <TableCell>
              <Link className="text-primary hover:underline" href={`/pipeline/runs/${row.runId}`}>
                #{row.runId}
              </Link>
            </TableCell>
            <TableCell className="tabular-nums">{row.rowNumber}</TableCell>
            <TableCell>
              <Badge tone="warning">{row.reasonCode}</Badge>
            </TableCell>
            <TableCell className="max-w-64">{row.message}</TableCell>
            <TableCell className="text-muted-foreground max-w-72 truncate font-mono text-xs" title={preview(row)}>
              {preview(row)}
            </TableCell>
            <TableCell>{t(`pipeline.status.${row.status}`)}</TableCell>
            <TableCell>
              {row.status === "PENDING" ? (
                <div className="flex gap-2">
                  <FixRowDialog row={row} onDone={refresh} />
                  <Button size="sm" variant="ghost" onClick={() => void discard(row.id)} data-testid="discard-row">
                    {t("pipeline.discard")}
                  </Button>
                </div>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
