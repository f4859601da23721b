// What the browser and the API see of runs, logs, quarantined rows and remote sources (client-safe).
// The schemas document the API; the types are inferred from them.
import { z } from "zod";

import { isoInstant } from "../utils/json-values";
import { REJECT_REASONS } from "./columns";

export const runStatusSchema = z.enum(["QUEUED", "RUNNING", "SUCCEEDED", "FAILED"]);
export type RunStatus = z.infer<typeof runStatusSchema>;
export const runSourceSchema = z.enum(["UPLOAD", "INBOX", "CLI", "REMOTE", "REPROCESS"]);
export type RunSource = z.infer<typeof runSourceSchema>;

const count = z.number().int().min(0);

export const runViewSchema = z.object({
  id: z.number().int(),
  source: runSourceSchema,
  fileName: z.string(),
  sizeBytes: count,
  sha256: z.string().nullable(),
  preset: z.string().nullable(),
  dryRun: z.boolean(),
  status: runStatusSchema,
  startedByName: z.string().nullable(),
  rowsRead: count,
  rowsValid: count,
  rowsRejected: count,
  rowsInserted: count,
  rowsUpdated: count,
  rowsUnchanged: count,
  rate: z.number().nullable().describe("Rows per second while running (null when unknown)"),
  error: z.string().nullable(),
  createdAt: isoInstant,
  startedAt: isoInstant.nullable(),
  finishedAt: isoInstant.nullable(),
  durationMs: z.number().int().nullable(),
});
export type RunView = z.infer<typeof runViewSchema>;

export const runLogLineSchema = z.object({
  seq: z.number().int(),
  level: z.enum(["DEBUG", "INFO", "WARN", "ERROR"]),
  message: z.string(),
  at: isoInstant,
});
export type RunLogLine = z.infer<typeof runLogLineSchema>;

export const quarantinedRowViewSchema = z.object({
  id: z.number().int(),
  runId: z.number().int(),
  rowNumber: z.number().int(),
  reasonCode: z.enum(REJECT_REASONS),
  message: z.string(),
  status: z.enum(["PENDING", "DISCARDED", "REPROCESSED"]),
  raw: z.record(z.string(), z.string()).describe("The row as read, by source column"),
  canonical: z.record(z.string(), z.string().nullable()).describe("The row mapped onto the canonical columns"),
  createdAt: isoInstant,
});
export type QuarantinedRowView = z.infer<typeof quarantinedRowViewSchema>;

export const sourceViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  url: z.string(),
  preset: z.string(),
  intervalMinutes: z.number().int(),
  enabled: z.boolean(),
  lastPolledAt: isoInstant.nullable(),
  lastStatus: z.enum(["OK", "FAILED"]).nullable(),
  lastError: z.string().nullable(),
  lastRunId: z.number().int().nullable(),
  lastGoodAt: isoInstant.nullable().describe("When the source last loaded without error"),
});
export type SourceView = z.infer<typeof sourceViewSchema>;

/** Realtime event names: `run` on the runs list and a run's channel, `log` on a run's channel. */
export const RUN_EVENT = "run";
export const LOG_EVENT = "log";
