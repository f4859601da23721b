import "server-only";

import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

import { after } from "next/server";
import pg from "pg";
import { z } from "zod";

import type { AuditContext } from "../audit/audit-context";
import type { AuditInput } from "../audit/record-audit-event";
import { recordAuditEventSql } from "../audit/record-audit-event-sql";
import { runChannels } from "../realtime/channels";
import { publishEvents } from "../realtime/publish";
import type { SessionUser } from "../server/auth/session-user";
import { env } from "../server/env";
import { AppError, conflict, notFound } from "../server/errors";
import { logger } from "../server/logger";
import { findTodaysInboxFile, inboxDir, inboxFileFor } from "./inbox";
import { onRunFinished } from "./on-run-finished";
import type { ReceivedUpload } from "./receive-upload";
import type { ResolvedMapping } from "./resolve-mapping";
import { resolveRunMapping, resolveUploadMapping } from "./resolve-upload-mapping";
import { recordRunStart } from "./run-audit";
import { runPipeline } from "./run-pipeline";
import { createRun, readRunView } from "./run-records";
import { RUN_EVENT, type RunSource } from "./types";

function databaseUrl(): string {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  return env.DATABASE_URL;
}

interface QueuedFile {
  open: () => Readable;
  fileName: string;
  source: RunSource;
  resolved: ResolvedMapping;
  dryRun: boolean;
  /** Called once the run has ended, e.g. to delete an upload's temporary file. */
  cleanUp?: () => Promise<unknown>;
  /** A quarantined row this run loads fixed: claimed with the run, or 409 if it is resolved or claimed. */
  reprocessesRow?: number;
  /** Audit entries beyond the run's own, recorded with it (a reprocess names the row it fixes). */
  alsoAudit?: (runId: number) => AuditInput[];
}

/** Claims a pending row for a new run unless another reprocess of it is queued or running. */
async function claimQuarantinedRow(client: pg.ClientBase, rowId: number, runId: number): Promise<void> {
  const { rowCount } = await client.query(
    `UPDATE "QuarantinedRow" q SET "reprocessRunId" = $2
     WHERE q.id = $1 AND q.status = 'PENDING' AND NOT EXISTS (
       SELECT 1 FROM "PipelineRun" r WHERE r.id = q."reprocessRunId" AND r.status IN ('QUEUED', 'RUNNING'))`,
    [rowId, runId],
  );
  if (rowCount === 0) throw conflict(`Row ${rowId} was resolved, or is being reprocessed, meanwhile.`);
}

/**
 * Records the run as QUEUED and loads it after the response is sent (`after`), so
 * the caller gets its id at once and follows the run live.
 */
export async function queueRun(user: SessionUser, queued: QueuedFile, context: AuditContext = {}): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  let runId: number;
  try {
    await client.query("BEGIN");
    runId = await createRun(client, {
      source: queued.source,
      fileName: queued.fileName,
      preset: queued.resolved.preset,
      mapping: queued.resolved.mapping,
      dryRun: queued.dryRun,
      startedById: user.id,
      businessUnitId: user.businessUnitId,
    });
    if (queued.reprocessesRow !== undefined) await claimQuarantinedRow(client, queued.reprocessesRow, runId);
    const { source, fileName, dryRun } = queued;
    await recordRunStart(
      client,
      user.id,
      { id: runId, source, fileName, preset: queued.resolved.preset, dryRun, businessUnitId: user.businessUnitId },
      context,
    );
    for (const entry of queued.alsoAudit?.(runId) ?? []) await recordAuditEventSql(client, { ...context, ...entry });
    await client.query("COMMIT");
    const view = await readRunView(client, runId);
    if (view) await publishEvents(runChannels(runId, user.businessUnitSlug).map((channel) => ({ channel, name: RUN_EVENT, data: view })));
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    await queued.cleanUp?.();
    throw error;
  } finally {
    await client.end();
  }
  after(async () => {
    try {
      await runPipeline({
        databaseUrl: databaseUrl(),
        runId,
        open: queued.open,
        fileName: queued.fileName,
        source: queued.source,
        preset: queued.resolved.preset,
        mapping: queued.resolved.mapping,
        dryRun: queued.dryRun,
        startedById: user.id,
        scope: user.businessUnitId && user.businessUnitSlug ? { id: user.businessUnitId, slug: user.businessUnitSlug } : null,
        publish: publishEvents,
        onFinished: onRunFinished,
        reprocessesRow: queued.reprocessesRow,
      });
    } catch (error) {
      logger.error({ error, runId }, "pipeline run crashed");
    } finally {
      await queued.cleanUp?.();
    }
  });
  return runId;
}

/** An uploaded file (in a temporary file, removed once loaded) with its mapping, given or detected from its header. */
export async function queueUploadRun(user: SessionUser, upload: ReceivedUpload, context: AuditContext = {}): Promise<number> {
  const cleanUp = () => rm(upload.file, { force: true });
  let resolved: ResolvedMapping;
  try {
    resolved = await resolveUploadMapping(user, upload);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return queueRun(
    user,
    {
      open: () => createReadStream(/*turbopackIgnore: true*/ upload.file),
      fileName: upload.fileName,
      source: "UPLOAD",
      resolved,
      dryRun: upload.fields.dryRun,
      cleanUp,
    },
    context,
  );
}

/** POST /api/v1/pipeline/inbox's optional body. */
export const inboxRunSchema = z.object({ dryRun: z.boolean().default(false) });

/** "Run today's file": the inbox's sales_YYYYMMDD.csv with the canonical preset. */
export async function queueInboxRun(user: SessionUser, dryRun: boolean, context: AuditContext = {}): Promise<number> {
  const dir = inboxDir();
  if (!dir)
    throw new AppError(409, "NO_INBOX", "This deployment has no inbox folder: upload the file, or add a remote source that serves it.");
  const file = await findTodaysInboxFile(dir);
  if (!file) throw notFound(`Today's file has not arrived: ${path.basename(inboxFileFor(new Date(), dir))} is not in the inbox.`);
  return queueRun(
    user,
    {
      open: () => createReadStream(/*turbopackIgnore: true*/ file),
      fileName: path.basename(file),
      source: "INBOX",
      resolved: resolveRunMapping("canonical", undefined),
      dryRun,
    },
    context,
  );
}
