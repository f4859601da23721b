// Notices about a pipeline run's end: to whoever started it, and to the reviewers of the rows it quarantined.
import "server-only";

import { rolesWith } from "../permissions";
import type { RunView } from "../pipeline/types";
import { db } from "../server/db";
import { createNoticesSafely, usersInScope, type NoticeDraft } from "./create-notices";

// A long failure message is cut for the bell; the run's page has it in full.
const MAX_ERROR_CHARS = 300;

function starterNotice(run: RunView, userId: string): NoticeDraft {
  const link = `/pipeline/runs/${run.id}`;
  const dedupeKey = `run:${run.id}`;
  if (run.status === "FAILED") {
    const error = (run.error ?? "").slice(0, MAX_ERROR_CHARS);
    return { userId, kind: "RUN_FAILED", params: { runId: run.id, fileName: run.fileName, error }, link, dedupeKey };
  }
  const params = {
    runId: run.id,
    fileName: run.fileName,
    dryRun: run.dryRun,
    read: run.rowsRead,
    valid: run.rowsValid,
    rejected: run.rowsRejected,
    inserted: run.rowsInserted,
    updated: run.rowsUpdated,
    unchanged: run.rowsUnchanged,
  };
  return { userId, kind: "RUN_FINISHED", params, link, dedupeKey };
}

/**
 * One notice per reviewer in the run's scope (users with quarantine.review who see its unit),
 * counting only the pending rows that reviewer can see; the starter is told by its own notice.
 */
async function reviewerNotices(run: RunView, unitId: number | null, starterId: string | null): Promise<NoticeDraft[]> {
  const [reviewers, pending] = await Promise.all([
    usersInScope(rolesWith("quarantine.review"), unitId),
    db.quarantinedRow.groupBy({ by: ["businessUnit"], where: { runId: run.id, status: "PENDING" }, _count: { _all: true } }),
  ]);
  const total = pending.reduce((sum, group) => sum + group._count._all, 0);
  return reviewers.flatMap((reviewer): NoticeDraft[] => {
    const slug = reviewer.businessUnit?.slug ?? null;
    const rows = slug === null ? total : (pending.find((group) => group.businessUnit === slug)?._count._all ?? 0);
    if (reviewer.id === starterId || rows === 0) return [];
    const params = { runId: run.id, fileName: run.fileName, rows };
    return [
      { userId: reviewer.id, kind: "QUARANTINE_WAITING", params, link: `/quarantine?run=${run.id}`, dedupeKey: `quarantine:${run.id}` },
    ];
  });
}

/**
 * The in-app notices of a run that ended. A fix reprocessed from the quarantine is followed on
 * that page, so only its failure is worth a notice, and its reject tells no other reviewer. Never throws.
 */
export async function noticeRunFinished(run: RunView) {
  return createNoticesSafely(`run #${run.id}`, async () => {
    const record = await db.pipelineRun.findUnique({ where: { id: run.id }, select: { startedById: true, businessUnitId: true } });
    if (!record) return [];
    const drafts: NoticeDraft[] = [];
    const quiet = run.source === "REPROCESS" && run.status !== "FAILED";
    if (record.startedById && !quiet) drafts.push(starterNotice(run, record.startedById));
    if (run.status === "SUCCEEDED" && !run.dryRun && run.source !== "REPROCESS" && run.rowsRejected > 0) {
      drafts.push(...(await reviewerNotices(run, record.businessUnitId, record.startedById)));
    }
    return drafts;
  });
}
