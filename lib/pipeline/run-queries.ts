import "server-only";

import { z } from "zod";

import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { notFound } from "../server/errors";
import type { RunLogLine, RunView } from "./types";

// A scoped user sees the runs limited to its unit; an unscoped one sees every run.
const runScope = (user: SessionUser) => (user.businessUnitId === null ? {} : { businessUnitId: user.businessUnitId });

export const runListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** Keyset cursor: runs with a smaller id. */
  before: z.coerce.number().int().positive().optional(),
});

export const runLogsQuerySchema = z.object({
  /** Keyset cursor: log lines with a larger sequence number. */
  after: z.coerce.number().int().min(0).default(0),
});

type RunRecord = Awaited<ReturnType<typeof findRuns>>[number];

function findRuns(where: object, take: number) {
  return db.pipelineRun.findMany({ where, take, orderBy: { id: "desc" }, include: { startedBy: { select: { name: true } } } });
}

function toView(run: RunRecord): RunView {
  return {
    id: run.id,
    source: run.source,
    fileName: run.fileName,
    sizeBytes: Number(run.sizeBytes),
    sha256: run.sha256,
    preset: run.preset,
    dryRun: run.dryRun,
    status: run.status,
    startedByName: run.startedBy?.name ?? null,
    rowsRead: run.rowsRead,
    rowsValid: run.rowsValid,
    rowsRejected: run.rowsRejected,
    rowsInserted: run.rowsInserted,
    rowsUpdated: run.rowsUpdated,
    rowsUnchanged: run.rowsUnchanged,
    rate: null,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.durationMs,
  };
}

export async function listRuns(user: SessionUser, query: z.output<typeof runListQuerySchema>): Promise<RunView[]> {
  const runs = await findRuns({ ...runScope(user), ...(query.before ? { id: { lt: query.before } } : {}) }, query.limit);
  return runs.map(toView);
}

export async function getRun(user: SessionUser, runId: number): Promise<RunView> {
  const [run] = await findRuns({ ...runScope(user), id: runId }, 1);
  if (!run) throw notFound(`Run ${runId} does not exist.`);
  return toView(run);
}

export async function listRunLogs(user: SessionUser, runId: number, afterSeq = 0): Promise<RunLogLine[]> {
  await getRun(user, runId);
  const logs = await db.pipelineLog.findMany({ where: { runId, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: 2_000 });
  return logs.map((log) => ({ seq: log.seq, level: log.level, message: log.message, at: log.at.toISOString() }));
}
