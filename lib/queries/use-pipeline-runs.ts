"use client";

import { useQuery } from "@tanstack/react-query";

import { LOG_EVENT, RUN_EVENT, type QuarantinedRowView, type RunLogLine, type RunView } from "../pipeline/types";
import { CHANNELS } from "../realtime/channels";
import { useLiveQuery } from "../realtime/use-live-query";
import { fetchEnvelope } from "./fetch-envelope";

/** The run history, kept live by `run` events on the caller's pipeline channel (new runs on top). */
export function usePipelineRuns(initial: RunView[], channel: string) {
  return useLiveQuery<RunView[]>({
    queryKey: ["pipeline-runs"],
    queryFn: () => fetchEnvelope<RunView[]>("/api/v1/pipeline/runs?limit=50"),
    initialData: initial,
    channel,
    event: RUN_EVENT,
    apply: (current = [], payload) => {
      const run = payload as RunView;
      const rest = current.filter((item) => item.id !== run.id);
      return [run, ...rest].sort((a, b) => b.id - a.id);
    },
  });
}

/** One run's counters, replaced by each `run` event on its channel. */
export function usePipelineRun(runId: number, initial?: RunView) {
  return useLiveQuery<RunView>({
    queryKey: ["pipeline-run", runId],
    queryFn: () => fetchEnvelope<RunView>(`/api/v1/pipeline/runs/${runId}`),
    initialData: initial,
    channel: CHANNELS.pipelineRun(runId),
    event: RUN_EVENT,
    apply: (_current, payload) => payload as RunView,
  });
}

/** Stored log lines first (the fetch), then live ones as they are published. */
export function useRunLog(runId: number, initial: RunLogLine[]) {
  return useLiveQuery<RunLogLine[]>({
    queryKey: ["pipeline-run-log", runId],
    queryFn: () => fetchEnvelope<RunLogLine[]>(`/api/v1/pipeline/runs/${runId}/logs`),
    initialData: initial,
    channel: CHANNELS.pipelineRun(runId),
    event: LOG_EVENT,
    apply: (current = [], payload) => {
      const line = payload as RunLogLine;
      return current.some((item) => item.seq === line.seq) ? current : [...current, line].sort((a, b) => a.seq - b.seq);
    },
  });
}

export interface QuarantineFilter {
  runId?: number;
  reason?: string;
  status?: string;
}

/** The prefix of every quarantine query: writes invalidate it. */
export const QUARANTINE_KEY = ["quarantine"] as const;

export function useQuarantine(filter: QuarantineFilter, refreshKey: unknown = null) {
  const params = new URLSearchParams(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== "") as [string, string][],
  );
  params.set("limit", "100");
  return useQuery({
    queryKey: [...QUARANTINE_KEY, filter, refreshKey],
    queryFn: () => fetchEnvelope<QuarantinedRowView[]>(`/api/v1/quarantine?${params.toString()}`),
  });
}
