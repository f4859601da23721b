import "server-only";

import { Readable } from "node:stream";

import { z } from "zod";

import { notifyRunFinished } from "../notifications/deliver";
import { publishEvents } from "../realtime/publish";
import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { env } from "../server/env";
import { conflict, notFound } from "../server/errors";
import { CANONICAL_COLUMNS, REJECT_REASONS } from "./columns";
import { mappingSchema, PRESETS } from "./mapping";
import { runPipeline } from "./run-pipeline";
import type { QuarantinedRowView, RunView } from "./types";

export const quarantineQuerySchema = z.object({
  runId: z.coerce.number().int().positive().optional(),
  reason: z.enum(REJECT_REASONS).optional(),
  status: z.enum(["PENDING", "DISCARDED", "REPROCESSED"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
});

export const fixedRowSchema = z.object({ canonical: z.partialRecord(z.enum(CANONICAL_COLUMNS), z.string().max(200)) });

// A scoped reviewer sees rejects of its unit's runs whose row names its unit.
function scopeOf(user: SessionUser) {
  if (user.businessUnitId === null) return {};
  return { businessUnit: user.businessUnitSlug, run: { businessUnitId: user.businessUnitId } };
}

export async function listQuarantine(user: SessionUser, query: z.output<typeof quarantineQuerySchema>): Promise<QuarantinedRowView[]> {
  const rows = await db.quarantinedRow.findMany({
    where: {
      ...scopeOf(user),
      ...(query.runId ? { runId: query.runId } : {}),
      ...(query.reason ? { reasonCode: query.reason } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.before ? { id: { lt: query.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit,
  });
  return rows.map((row) => ({
    id: row.id,
    runId: row.runId,
    rowNumber: row.rowNumber,
    reasonCode: row.reasonCode,
    message: row.message,
    status: row.status,
    raw: row.raw as Record<string, string>,
    canonical: (row.canonical ?? {}) as Record<string, string | null>,
    createdAt: row.createdAt.toISOString(),
  }));
}

async function findPending(user: SessionUser, id: number, client: Pick<typeof db, "quarantinedRow"> = db) {
  const row = await client.quarantinedRow.findFirst({ where: { id, ...scopeOf(user) }, include: { run: true } });
  if (!row) throw notFound(`Quarantined row ${id} does not exist.`);
  if (row.status !== "PENDING") throw conflict(`Row ${id} was already ${row.status.toLowerCase()}.`);
  return row;
}

/** Discards a pending row; the status is checked again in the update, so a reprocess that won the race stays. */
export async function discardQuarantined(user: SessionUser, id: number): Promise<void> {
  await findPending(user, id);
  const { count } = await db.quarantinedRow.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "DISCARDED", resolvedAt: new Date(), resolvedById: user.id },
  });
  if (count === 0) throw conflict(`Row ${id} was resolved meanwhile.`);
}

const csvCell = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * Loads a fixed row as a one-row canonical file, under the original run's source key so
 * it lands on the same sale. The row is marked REPROCESSED only when the new run took it.
 * The row stays locked meanwhile: a discard (or a second reprocess) waits, then finds it resolved.
 */
export async function reprocessQuarantined(user: SessionUser, id: number, fixed: z.output<typeof fixedRowSchema>): Promise<RunView> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "QuarantinedRow" WHERE id = ${id} FOR UPDATE`;
      const row = await findPending(user, id, tx);
      const run = await loadFixedRow(user, row, fixed);
      if (run.status === "SUCCEEDED" && run.rowsValid === 1) {
        await tx.quarantinedRow.update({ where: { id }, data: { status: "REPROCESSED", resolvedAt: new Date(), resolvedById: user.id } });
      }
      return run;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

type PendingRow = Awaited<ReturnType<typeof findPending>>;

function loadFixedRow(user: SessionUser, row: PendingRow, fixed: z.output<typeof fixedRowSchema>): Promise<RunView> {
  const original = mappingSchema.safeParse(row.run.mapping);
  const columns = CANONICAL_COLUMNS.filter((column) => (fixed.canonical[column] ?? "") !== "");
  const text = `${columns.join(",")}\n${columns.map((column) => csvCell(fixed.canonical[column]!)).join(",")}\n`;
  return runPipeline({
    databaseUrl: env.DATABASE_URL!,
    open: () => Readable.from([Buffer.from(text)]),
    fileName: `row ${row.rowNumber} of run #${row.runId}`,
    source: "REPROCESS",
    preset: "canonical",
    mapping: { ...PRESETS.canonical, sourceKey: original.success ? original.data.sourceKey : "canonical" },
    dryRun: false,
    startedById: user.id,
    scope: user.businessUnitId && user.businessUnitSlug ? { id: user.businessUnitId, slug: user.businessUnitSlug } : null,
    publish: publishEvents,
    onFinished: notifyRunFinished,
  });
}
