import "server-only";

import { z } from "zod";

import type { AuditActor } from "../audit/audit-context";
import { changesBetween } from "../audit/changes";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can } from "../permissions";
import { publishEvents } from "../realtime/publish";
import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { env } from "../server/env";
import { notFound } from "../server/errors";
import { isRefusedUpFront, URL_REFUSED_UP_FRONT } from "../server/net/safe-fetch";
import { maskSecretUrl } from "../utils/mask-secret-url";
import { PRESET_NAMES } from "./mapping";
import { onRunFinished } from "./on-run-finished";
import { pollRemoteSources, type PollResult } from "./poll-remote-sources";
import type { SourceView } from "./types";

const sourceFields = {
  name: z.string().trim().min(1, "give the source a name").max(80),
  url: z.url({ protocol: /^https?$/, error: "enter the CSV's http(s) URL" }).refine((url) => !isRefusedUpFront(url), URL_REFUSED_UP_FRONT),
  preset: z.enum(PRESET_NAMES as [string, ...string[]]).describe("Column mapping preset"),
  intervalMinutes: z.coerce
    .number()
    .int()
    .min(5, "poll at most every 5 minutes")
    .max(7 * 24 * 60),
};

export const newSourceSchema = z.object({
  ...sourceFields,
  preset: sourceFields.preset.default("canonical"),
  intervalMinutes: sourceFields.intervalMinutes.default(60),
});

/** PATCH /api/v1/pipeline/sources/{id}: any of the settings, or `enabled` to pause or resume polling. */
export const sourceUpdateSchema = z
  .object({
    name: sourceFields.name.optional(),
    url: sourceFields.url.optional(),
    preset: sourceFields.preset.optional(),
    intervalMinutes: sourceFields.intervalMinutes.optional(),
    enabled: z.boolean().optional().describe("false pauses scheduled polls"),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), "change at least one setting");

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

type Writer = Parameters<typeof recordAuditEvent>[1];

/** A source as the audit log keeps it: its URL may carry a key, so only its origin and last characters. */
const audited = ({ name, url, preset, intervalMinutes, enabled }: SourceRow) => ({
  name,
  url: maskSecretUrl(url),
  preset,
  intervalMinutes,
  enabled,
});

// Sources load every unit's data: their entries are company-wide.
const audit = (by: AuditActor, action: string, id: number, details: object, client?: Writer) =>
  recordAuditEvent(
    { ...by, action: `remote_source.${action}`, targetType: "RemoteSource", targetId: String(id), details, businessUnitId: null },
    client,
  );

export async function createSource(input: z.infer<typeof newSourceSchema>, by: AuditActor): Promise<SourceView> {
  return db.$transaction(async (tx) => {
    const row = await tx.remoteSource.create({ data: input });
    await audit(by, "create", row.id, audited(row), tx);
    return toView(row);
  });
}

export async function updateSource(id: number, input: z.infer<typeof sourceUpdateSchema>, by: AuditActor): Promise<SourceView> {
  return db.$transaction(async (tx) => {
    const before = await tx.remoteSource.findUnique({ where: { id } });
    if (!before) throw notFound(`No remote source ${id}.`);
    const row = await tx.remoteSource.update({ where: { id }, data: input });
    await audit(by, "update", id, { name: row.name, ...changesBetween(audited(before), audited(row)) }, tx);
    return toView(row);
  });
}

export async function deleteSource(id: number, by: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.remoteSource.findUnique({ where: { id } });
    if (!row) throw notFound(`No remote source ${id}.`);
    await tx.remoteSource.delete({ where: { id } });
    await audit(by, "delete", id, audited(row), tx);
  });
}

/** Polls the due sources (cron), or one source now; a poll someone asked for is audited with its outcome. */
export async function pollSources(sourceId?: number, by?: AuditActor): Promise<PollResult[]> {
  const source = sourceId === undefined ? null : await db.remoteSource.findUnique({ where: { id: sourceId } });
  if (sourceId !== undefined && !source) throw notFound(`No remote source ${sourceId}.`);
  const results = await pollRemoteSources({
    databaseUrl: env.DATABASE_URL!,
    maxBytes: env.PIPELINE_MAX_UPLOAD_MB * 1024 * 1024,
    publish: publishEvents,
    onFinished: onRunFinished,
    sourceId,
  });
  if (source && by) {
    const [result] = results;
    await audit(by, "poll", source.id, { ...audited(source), status: result?.status ?? "FAILED", runId: result?.run?.id ?? null });
  }
  return results;
}
