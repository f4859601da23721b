"use client";

import { Inbox } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { fetchEnvelope } from "@/lib/queries/fetch-envelope";

/** Loads data/inbox/sales_YYYYMMDD.csv; says so when today's file has not arrived. */
export function RunTodayButton() {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      const { runId } = await fetchEnvelope<{ runId: number }>("/api/v1/pipeline/inbox", {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      });
      router.push(`/pipeline/runs/${runId}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="outline" disabled={busy} onClick={() => void run()} data-testid="run-today">
        <Inbox aria-hidden />
        {t("pipeline.runToday")}
      </Button>
      {error ? (
        <p role="alert" className="text-danger max-w-xs text-xs">
          {error}
        </p>
      ) : null}
    </div>
  );
}
