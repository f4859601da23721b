"use client";

import { Inbox } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";

/** Loads data/inbox/sales_YYYYMMDD.csv, or rehearses it as a dry run; says so when today's file has not arrived. */
export function RunTodayButton() {
  const t = useT();
  const router = useRouter();
  const [dryRun, setDryRun] = useState(false);
  const run = useApiMutation({
    send: () => sendEnvelope<{ runId: number }>({ url: "/api/v1/pipeline/inbox", body: { dryRun } }),
    onSuccess: ({ runId }) => router.push(`/pipeline/runs/${runId}`),
  });
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} data-testid="run-today-dry" />
          {t("pipeline.runTodayDry")}
        </label>
        <Button variant="outline" disabled={run.isPending} onClick={() => run.mutate()} data-testid="run-today">
          <Inbox aria-hidden />
          {t("pipeline.runToday")}
        </Button>
      </div>
      {run.errorMessage ? (
        <p role="alert" className="text-danger max-w-xs text-xs">
          {run.errorMessage}
        </p>
      ) : null}
    </div>
  );
}
