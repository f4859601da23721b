import "server-only";

import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

import { after } from "next/server";
import pg from "pg";
import { z } from "zod";

import { notifyRunFinished } from "../notifications/deliver";
import { runChannels } from "../realtime/channels";
import { publishEvents } from "../realtime/publish";
import type { SessionUser } from "../server/auth/session-user";
import { env } from "../server/env";
import { AppError, notFound } from "../server/errors";
import { logger } from "../server/logger";
import { findTodaysInboxFile, inboxFileFor } from "./inbox";
import { resolveMapping, type ResolvedMapping } from "./resolve-mapping";
import { runPipeline } from "./run-pipeline";
import { createRun, readRunView } from "./run-records";
import { RUN_EVENT, type RunSource } from "./types";

function databaseUrl(): string {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  return env.DATABASE_URL;
}

export function resolveRunMapping(preset: string | undefined, mappingJson: string | undefined): ResolvedMapping {
  try {
    return resolveMapping({ preset, mappingJson });
  } catch (error) {
    throw new AppError(422, "BAD_MAPPING", error instanceof Error ? error.message : "The mapping is invalid.");
  }
}

interface QueuedFile {
  file: string;
  fileName: string;
  source: RunSource;
  resolved: ResolvedMapping;
  dryRun: boolean;
  /** Delete the file once loaded (uploads live in a temporary file). */
  temporary: boolean;
}

/**
 * Records the run as QUEUED and loads it after the response is sent (`after`), so
 * the caller gets its id at once and follows the run live.
 */
export async function queueRun(user: SessionUser, queued: QueuedFile): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  let runId: number;
  try {
    runId = await createRun(client, {
      source: queued.source,
      fileName: queued.fileName,
      preset: queued.resolved.preset,
      mapping: queued.resolved.mapping,
      dryRun: queued.dryRun,
      startedById: user.id,
      businessUnitId: user.businessUnitId,
    });
    const view = await readRunView(client, runId);
    if (view) await publishEvents(runChannels(runId, user.businessUnitSlug).map((channel) => ({ channel, name: RUN_EVENT, data: view })));
  } finally {
    await client.end();
  }
  after(async () => {
    try {
      await runPipeline({
        databaseUrl: databaseUrl(),
        runId,
        open: () => createReadStream(queued.file),
        fileName: queued.fileName,
        source: queued.source,
        preset: queued.resolved.preset,
        mapping: queued.resolved.mapping,
        dryRun: queued.dryRun,
        startedById: user.id,
        scope: user.businessUnitId && user.businessUnitSlug ? { id: user.businessUnitId, slug: user.businessUnitSlug } : null,
        publish: publishEvents,
        onFinished: notifyRunFinished,
      });
    } catch (error) {
      logger.error({ error, runId }, "pipeline run crashed");
    } finally {
      if (queued.temporary) await rm(queued.file, { force: true });
    }
  });
  return runId;
}

/** POST /api/v1/pipeline/inbox's optional body. */
export const inboxRunSchema = z.object({ dryRun: z.boolean().default(false) });

/** "Run today's file": data/inbox/sales_YYYYMMDD.csv with the canonical preset. */
export async function queueInboxRun(user: SessionUser, dryRun: boolean): Promise<number> {
  const file = await findTodaysInboxFile();
  if (!file) throw notFound(`Today's file has not arrived: ${path.basename(inboxFileFor(new Date()))} is not in the inbox.`);
  return queueRun(user, {
    file,
    fileName: path.basename(file),
    source: "INBOX",
    resolved: resolveRunMapping("canonical", undefined),
    dryRun,
    temporary: false,
  });
}
