import "server-only";

import type pg from "pg";

import type { RunLog } from "./run-log";

// Run slots are advisory locks (SLOT_LOCK_CLASS, 0…limit-1), held on the load's connection
// for the whole run: a crashed process frees its slot with its connection.
const SLOT_LOCK_CLASS = 72_703;
const POLL_MS = 500;

/**
 * Waits until one of `limit` run slots is free, so a burst of uploads queues instead of loading
 * every file at once on a small database. While it waits, the run's log says its place in line.
 */
export async function waitForRunSlot(load: pg.ClientBase, side: pg.ClientBase, runId: number, limit: number, log: RunLog): Promise<void> {
  let reported = 0;
  for (;;) {
    for (let slot = 0; slot < limit; slot++) {
      const { rows } = await load.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [SLOT_LOCK_CLASS, slot]);
      if (rows[0]?.locked) return;
    }
    const { rows } = await side.query<{ ahead: number }>(
      `SELECT count(*)::int AS ahead FROM "PipelineRun" WHERE status = 'QUEUED' AND id < $1`,
      [runId],
    );
    const position = (rows[0]?.ahead ?? 0) + 1;
    if (position !== reported) {
      await log.write("INFO", `queued: ${limit} run(s) are loading; this one is number ${position} in line`);
      reported = position;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
