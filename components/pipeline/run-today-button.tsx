"use client";

import { Inbox } from "lucide-react";
import { useRouter } from "next/navigation";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";

/** Loads data/inbox/sales_YYYYMMDD.csv; says so when today's file has not arrived. */
export function RunTodayButton() {
  const t = useT();
  const router = useRouter();
  const run = useApiMutation({
    send: () => sendEnvelope<{ runId: number }>({ url: "/api/v1/pipeline/inbox" }),
    onSuccess: ({ runId }) => router.push(`/pipeline/runs/${runId}`),
  });
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="outline" disabled={run.isPending} onClick={() => run.mutate()} data-testid="run-today">
        <Inbox aria-hidden />
        {t("pipeline.runToday")}
      </Button>
      {run.errorMessage ? (
        <p role="alert" className="text-danger max-w-xs text-xs">
          {run.errorMessage}
        </p>
      ) : null}
    </div>
  );
}
