import "server-only";

import { z } from "zod";

import { notifyRunFinished } from "../notifications/deliver";
import { can } from "../permissions";
import { publishEvents } from "../realtime/publish";
import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { env } from "../server/env";
import { notFound } from "../server/errors";
import { isRefusedUpFront, URL_REFUSED_UP_FRONT } from "../server/net/safe-fetch";
import { maskSecretUrl } from "../utils/mask-secret-url";
import { PRESET_NAMES } from "./mapping";
import { pollRemoteSources, type PollResult } from "./poll-remote-sources";
import type { SourceView } from "./types";

export const newSourceSchema = z.object({
  name: z.string().trim().min(1, "give the source a name").max(80),
  url: z.url({ protocol: /^https?$/, error: "enter the CSV's http(s) URL" }).refine((url) => !isRefusedUpFront(url), URL_REFUSED_UP_FRONT),
  preset: z
    .enum(PRESET_NAMES as [string, ...string[]])
    .default("canonical")
    .describe("Column mapping preset"),
  intervalMinutes: z.coerce
    .number()
    .int()
    .min(5, "poll at most every 5 minutes")
    .max(7 * 24 * 60)
    .default(60),
});

export type { SourceView };

const iso = (value: Date | null) => value?.toISOString() ?? null;

type SourceRow = Awaited<ReturnType<typeof db.remoteSource.findMany>>[number];

const toView = (row: SourceRow): SourceView => ({
  id: row.id,
  name: row.name,
  url: row.url,
  preset: row.preset,
  intervalMinutes: row.intervalMinutes,
  enabled: row.enabled,
  lastPolledAt: iso(row.lastPolledAt),
  lastStatus: row.lastStatus,
  lastError: row.lastError,
  lastRunId: row.lastRunId,
  lastGoodAt: iso(row.lastGoodAt),
});

/**
 * The sources a user may know of. They load every unit's data, so a user scoped to one unit sees
 * none; their URLs may carry tokens (a published sheet's key), so only an admin sees them whole.
 */
export async function listSources(user: SessionUser): Promise<SourceView[]> {
  if (user.businessUnitId !== null) return [];
  const sources = (await db.remoteSource.findMany({ orderBy: { id: "asc" } })).map(toView);
  return can(user.role, "pipeline.sources.manage") ? sources : sources.map((source) => ({ ...source, url: maskSecretUrl(source.url) }));
}

export async function createSource(input: z.infer<typeof newSourceSchema>): Promise<SourceView> {
  return toView(await db.remoteSource.create({ data: input }));
}

export async function deleteSource(id: number): Promise<void> {
  const { count } = await db.remoteSource.deleteMany({ where: { id } });
  if (count === 0) throw notFound(`No remote source ${id}.`);
}

/** Polls the due sources (cron), or one source now. */
export async function pollSources(sourceId?: number): Promise<PollResult[]> {
  if (sourceId !== undefined && !(await db.remoteSource.findUnique({ where: { id: sourceId }, select: { id: true } }))) {
    throw notFound(`No remote source ${sourceId}.`);
  }
  return pollRemoteSources({
    databaseUrl: env.DATABASE_URL!,
    maxBytes: env.PIPELINE_MAX_UPLOAD_MB * 1024 * 1024,
    publish: publishEvents,
    onFinished: notifyRunFinished,
    sourceId,
  });
}
