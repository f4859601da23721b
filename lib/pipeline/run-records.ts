// The PipelineRun row through a run's life, written with plain pg so the CLI,
// tests and the app share it.
import "server-only";

import type pg from "pg";

import type { RunSource, RunView } from "./types";

// Shared with the launcher's start-up sweep, which cannot load server-only modules.
export { failAbandonedRuns, RUN_LOCK_CLASS } from "./leftovers";

export interface NewRun {
  source: RunSource;
  fileName: string;
  preset: string | null;
  mapping: unknown;
  dryRun: boolean;
  startedById: string | null;
  businessUnitId: number | null;
}

export async function createRun(client: pg.ClientBase, run: NewRun): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO "PipelineRun" (source, "fileName", preset, mapping, "dryRun", "startedById", "businessUnitId")
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [run.source, run.fileName, run.preset, JSON.stringify(run.mapping), run.dryRun, run.startedById, run.businessUnitId],
  );
  return rows[0]!.id;
}

export async function markRunning(client: pg.ClientBase, runId: number): Promise<void> {
  await client.query(`UPDATE "PipelineRun" SET status = 'RUNNING', "startedAt" = now() WHERE id = $1`, [runId]);
}

export async function recordProgress(client: pg.ClientBase, runId: number, rowsRead: number): Promise<void> {
  await client.query(`UPDATE "PipelineRun" SET "rowsRead" = $2 WHERE id = $1`, [runId, rowsRead]);
}

export interface RunOutcome {
  sizeBytes: number;
  sha256: string | null;
  read: number;
  valid: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export async function markSucceeded(client: pg.ClientBase, runId: number, outcome: RunOutcome): Promise<void> {
  await client.query(
    `UPDATE "PipelineRun" SET status = 'SUCCEEDED', "sizeBytes" = $2, sha256 = $3, "rowsRead" = $4, "rowsValid" = $5, "rowsRejected" = $6,
       "rowsInserted" = $7, "rowsUpdated" = $8, "rowsUnchanged" = $9, "finishedAt" = now(),
       "durationMs" = (extract(epoch FROM clock_timestamp() - coalesce("startedAt", "createdAt")) * 1000)::int
     WHERE id = $1`,
    [
      runId,
      outcome.sizeBytes,
      outcome.sha256,
      outcome.read,
      outcome.valid,
      outcome.rejected,
      outcome.inserted,
      outcome.updated,
      outcome.unchanged,
    ],
  );
}

/** A failed run keeps no counters but rows read: nothing it staged was written. */
export async function markFailed(client: pg.ClientBase, runId: number, error: string): Promise<void> {
  await client.query(
    `UPDATE "PipelineRun" SET status = 'FAILED', error = $2, "rowsValid" = 0, "rowsRejected" = 0, "rowsInserted" = 0, "rowsUpdated" = 0,
       "rowsUnchanged" = 0, "rowsRead" = 0, "finishedAt" = now(),
       "durationMs" = (extract(epoch FROM clock_timestamp() - coalesce("startedAt", "createdAt")) * 1000)::int
     WHERE id = $1`,
    [runId, error.slice(0, 2000)],
  );
}

export const RUN_VIEW_SQL = `
SELECT r.id, r.source, r."fileName", r."sizeBytes"::float8 AS "sizeBytes", r.sha256, r.preset, r."dryRun", r.status,
       u.name AS "startedByName", r."rowsRead", r."rowsValid", r."rowsRejected", r."rowsInserted", r."rowsUpdated", r."rowsUnchanged",
       NULL::float8 AS rate, r.error, r."createdAt", r."startedAt", r."finishedAt", r."durationMs"
FROM "PipelineRun" r LEFT JOIN "User" u ON u.id = r."startedById"`;

type RunRow = Omit<RunView, "createdAt" | "startedAt" | "finishedAt"> & {
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export function toRunView(row: RunRow): RunView {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function readRunView(client: pg.ClientBase, runId: number): Promise<RunView | null> {
  const { rows } = await client.query<RunRow>(`${RUN_VIEW_SQL} WHERE r.id = $1`, [runId]);
  return rows[0] ? toRunView(rows[0]) : null;
}
