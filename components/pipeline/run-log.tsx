"use client";

import { useEffect, useRef } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { BusinessTime } from "@/components/time/business-clock";
import type { RunLogLine } from "@/lib/pipeline/types";
import { useRunLog } from "@/lib/queries/use-pipeline-runs";
import { cn } from "@/lib/utils/cn";

const LEVEL_CLASS: Record<RunLogLine["level"], string> = {
  DEBUG: "text-muted-foreground",
  INFO: "",
  WARN: "text-warning",
  ERROR: "text-danger",
};

/** The run's log: stored lines from the server render, then live ones, following the tail. */
export function RunLog({ runId, initial }: { runId: number; initial: RunLogLine[] }) {
  const t = useT();
  const { data: lines = initial } = useRunLog(runId, initial);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [lines.length]);
  return (
    <div
      className="bg-card border-border max-h-96 overflow-auto rounded-xl border p-3 font-mono text-xs"
      data-testid="run-log"
      aria-live="polite"
    >
      {lines.length === 0 ? <p className="text-muted-foreground">{t("pipeline.noLog")}</p> : null}
      {lines.map((line) => (
        <div key={line.seq} className={cn("break-words whitespace-pre-wrap", LEVEL_CLASS[line.level])} data-testid="run-log-line">
          <BusinessTime value={line.at} style="time" className="text-muted-foreground" /> {line.message}
        </div>
      ))}
      <div ref={end} />
    </div>
  );
}
