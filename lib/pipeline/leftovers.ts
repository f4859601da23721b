// What a crashed or killed process leaves behind: runs stuck QUEUED or RUNNING, and
// temporary files. Plain pg (no server-only), so `npm start` sweeps them at boot.
import pg from "pg";

import { removeStaleTempFiles } from "./temp-files";

// A running load holds the advisory lock (RUN_LOCK_CLASS, run id) on its connection:
// a RUNNING run whose lock nobody holds was left by a crash or a kill.
export const RUN_LOCK_CLASS = 72_702;

/** The age at which a QUEUED run or a temporary file can no longer belong to a live request or run. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

const HOLDS_RUN_LOCK = `EXISTS (
  SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ${RUN_LOCK_CLASS} AND l.objid = r.id
    AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))`;

const FAIL = `status = 'FAILED', "finishedAt" = now(),
  "durationMs" = (extract(epoch FROM now() - coalesce(r."startedAt", r."createdAt")) * 1000)::int`;

/** Marks runs left RUNNING by a dead process as FAILED; returns their ids. */
export async function failAbandonedRuns(client: pg.ClientBase): Promise<number[]> {
  const { rows } = await client.query<{ id: number }>(
    `UPDATE "PipelineRun" r SET ${FAIL}, error = 'The process running this load stopped before it finished; nothing was written.'
     WHERE r.status = 'RUNNING' AND NOT ${HOLDS_RUN_LOCK}
     RETURNING r.id`,
  );
  return rows.map((row) => row.id);
}

/**
 * Marks QUEUED runs older than `olderThanMs` as FAILED: a queued run starts within moments
 * (taking its lock first), so an old one lost its process before it began.
 */
export async function failStaleQueuedRuns(client: pg.ClientBase, olderThanMs = STALE_AFTER_MS): Promise<number[]> {
  const { rows } = await client.query<{ id: number }>(
    `UPDATE "PipelineRun" r SET ${FAIL}, error = 'The process that queued this load stopped before it started; nothing was written. Send the file again.'
     WHERE r.status = 'QUEUED' AND r."createdAt" < now() - make_interval(secs => $1) AND NOT ${HOLDS_RUN_LOCK}
     RETURNING r.id`,
    [olderThanMs / 1000],
  );
  return rows.map((row) => row.id);
}

export interface Leftovers {
  failedRuns: number[];
  removedFiles: string[];
}

/** Fails abandoned runs and deletes stale temporary files; call once when the app boots. */
export async function cleanUpPipelineLeftovers(
  databaseUrl: string,
  options: { tempDir?: string; olderThanMs?: number } = {},
): Promise<Leftovers> {
  const olderThanMs = options.olderThanMs ?? STALE_AFTER_MS;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const failedRuns = [...(await failAbandonedRuns(client)), ...(await failStaleQueuedRuns(client, olderThanMs))];
    const removedFiles = await removeStaleTempFiles({ dir: options.tempDir, olderThanMs });
    return { failedRuns, removedFiles };
  } finally {
    await client.end();
  }
}
