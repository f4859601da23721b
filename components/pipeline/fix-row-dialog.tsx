"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { CANONICAL_COLUMNS } from "@/lib/pipeline/columns";
import type { QuarantinedRowView } from "@/lib/pipeline/types";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";
import { QUARANTINE_KEY, usePipelineRun } from "@/lib/queries/use-pipeline-runs";

/** Edit a rejected row's canonical values and load it again as a one-row run. */
export function FixRowDialog({ row }: { row: QuarantinedRowView }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const reprocess = useApiMutation({
    send: (canonical: Record<string, string>) =>
      sendEnvelope<{ runId: number }>({ url: `/api/v1/quarantine/${row.id}/reprocess`, body: { canonical } }),
  });
  const runId = reprocess.data?.runId;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    reprocess.mutate(Object.fromEntries(CANONICAL_COLUMNS.map((column) => [column, (form.get(column) as string | null) ?? ""])));
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" data-testid="fix-row">
          {t("pipeline.fix")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{t("pipeline.fixTitle", { row: row.rowNumber, run: row.runId })}</DialogTitle>
          <DialogDescription>{row.message}</DialogDescription>
        </DialogHeader>
        <form className="grid gap-2 sm:grid-cols-2" onSubmit={submit}>
          {CANONICAL_COLUMNS.map((column) => (
            <label key={column} className="flex flex-col gap-1 text-xs font-medium">
              {column}
              <input
                name={column}
                defaultValue={row.canonical[column] ?? ""}
                className="border-border bg-card rounded-md border px-2 py-1 font-mono text-sm"
                data-testid={`fix-${column}`}
              />
            </label>
          ))}
          {runId !== undefined ? (
            <ReprocessOutcome runId={runId} />
          ) : reprocess.errorMessage ? (
            <p role="alert" className="text-sm sm:col-span-2" data-testid="fix-result">
              {reprocess.errorMessage}
            </p>
          ) : null}
          <DialogFooter className="sm:col-span-2">
            <Button type="submit" disabled={reprocess.isPending || runId !== undefined} data-testid="reprocess-row">
              {t("pipeline.reprocess")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Follows the one-row run live; once it ends, the quarantine list is fetched again (a loaded row leaves review). */
function ReprocessOutcome({ runId }: { runId: number }) {
  const t = useT();
  const queryClient = useQueryClient();
  const { data: run } = usePipelineRun(runId);
  const ended = run?.status === "SUCCEEDED" || run?.status === "FAILED";
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: QUARANTINE_KEY });
  }, [ended, queryClient]);
  const loaded = run?.status === "SUCCEEDED" && run.rowsValid === 1;
  const message = !ended
    ? t("pipeline.reprocessQueued", { id: runId })
    : t(loaded ? "pipeline.reprocessed" : "pipeline.stillRejected", { id: runId });
  return (
    <p role="status" className="text-sm sm:col-span-2" data-testid="fix-result" data-state={ended ? "ended" : "loading"}>
      {message}
    </p>
  );
}
