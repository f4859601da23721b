// What the browser and the API see of runs, logs and quarantined rows.
import type { RejectReason } from "./columns";

export type RunStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
export type RunSource = "UPLOAD" | "INBOX" | "CLI" | "REMOTE" | "REPROCESS";

export interface RunView {
  id: number;
  source: RunSource;
  fileName: string;
  sizeBytes: number;
  sha256: string | null;
  preset: string | null;
  dryRun: boolean;
  status: RunStatus;
  startedByName: string | null;
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  /** Rows per second while running (null when unknown). */
  rate: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
}

export interface RunLogLine {
  seq: number;
  level: "DEBUG" | "INFO" | "WARN" | "ERROR";
  message: string;
  at: string;
}

export interface QuarantinedRowView {
  id: number;
  runId: number;
  rowNumber: number;
  reasonCode: RejectReason;
  message: string;
  status: "PENDING" | "DISCARDED" | "REPROCESSED";
  raw: Record<string, string>;
  canonical: Record<string, string | null>;
  createdAt: string;
}

/** Realtime event names: `run` on the runs list and a run's channel, `log` on a run's channel. */
export const RUN_EVENT = "run";
export const LOG_EVENT = "log";
