import "server-only";

import { Readable } from "node:stream";

import { z } from "zod";

import type { AuditContext } from "../audit/audit-context";
import { changesBetween } from "../audit/changes";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { conflict, notFound } from "../server/errors";
import { CANONICAL_COLUMNS, REJECT_REASONS } from "./columns";
import { mappingSchema, PRESETS } from "./mapping";
import { queueRun } from "./start-run";
import type { QuarantinedRowView } from "./types";

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

async function findPending(user: SessionUser, id: number) {
  const row = await db.quarantinedRow.findFirst({ where: { id, ...scopeOf(user) }, include: { run: true } });
  if (!row) throw notFound(`Quarantined row ${id} does not exist.`);
  if (row.status !== "PENDING") throw conflict(`Row ${id} was already ${row.status.toLowerCase()}.`);
  return row;
}

type PendingRow = Awaited<ReturnType<typeof findPending>>;

/** The unit a reject belongs to, for its audit entry: its run's, else the unit its row names. */
async function unitIdOf(row: PendingRow): Promise<number | null> {
  if (row.run.businessUnitId !== null) return row.run.businessUnitId;
  if (!row.businessUnit) return null;
  return (await db.businessUnit.findUnique({ where: { slug: row.businessUnit }, select: { id: true } }))?.id ?? null;
}

const rowEntry = (user: SessionUser, row: PendingRow, businessUnitId: number | null, context: AuditContext) => ({
  actorId: user.id,
  targetType: "QuarantinedRow",
  targetId: String(row.id),
  businessUnitId,
  ...context,
});

// A row whose fix is queued or loading stays claimed until that run ends.
const REPROCESS_IN_FLIGHT = { reprocessRun: { status: { in: ["QUEUED" as const, "RUNNING" as const] } } };

/** Discards a pending row; the status and claim are checked again in the update, so a reprocess that won the race stays. */
export async function discardQuarantined(user: SessionUser, id: number, context: AuditContext = {}): Promise<void> {
  const row = await findPending(user, id);
  const businessUnitId = await unitIdOf(row);
  await db.$transaction(async (tx) => {
    const { count } = await tx.quarantinedRow.updateMany({
      where: { id, status: "PENDING", NOT: REPROCESS_IN_FLIGHT },
      data: { status: "DISCARDED", resolvedAt: new Date(), resolvedById: user.id },
    });
    if (count === 0) throw conflict(`Row ${id} was resolved, or is being reprocessed, meanwhile.`);
    const details = { runId: row.runId, rowNumber: row.rowNumber, reasonCode: row.reasonCode, message: row.message };
    await recordAuditEvent({ ...rowEntry(user, row, businessUnitId, context), action: "quarantine.discard", details }, tx);
  });
}

const csvCell = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * Queues the fixed row as a one-row canonical file, under the original run's source key so
 * it lands on the same sale, and returns the run's id at once. The row is claimed by that run
 * (a discard or a second reprocess gets 409) and marked REPROCESSED in the load's transaction.
 */
export async function reprocessQuarantined(
  user: SessionUser,
  id: number,
  fixed: z.output<typeof fixedRowSchema>,
  context: AuditContext = {},
): Promise<number> {
  const row = await findPending(user, id);
  const businessUnitId = await unitIdOf(row);
  const changes = changesBetween((row.canonical ?? {}) as Record<string, string | null>, fixed.canonical);
  const original = mappingSchema.safeParse(row.run.mapping);
  const columns = CANONICAL_COLUMNS.filter((column) => (fixed.canonical[column] ?? "") !== "");
  const text = `${columns.join(",")}\n${columns.map((column) => csvCell(fixed.canonical[column]!)).join(",")}\n`;
  return queueRun(
    user,
    {
      open: () => Readable.from([Buffer.from(text)]),
      fileName: `row ${row.rowNumber} of run #${row.runId}`,
      source: "REPROCESS",
      resolved: {
        preset: "canonical",
        mapping: { ...PRESETS.canonical, sourceKey: original.success ? original.data.sourceKey : "canonical" },
      },
      dryRun: false,
      reprocessesRow: id,
      alsoAudit: (reprocessRunId) => [
        {
          ...rowEntry(user, row, businessUnitId, context),
          action: "quarantine.reprocess",
          details: { runId: row.runId, rowNumber: row.rowNumber, reasonCode: row.reasonCode, reprocessRunId, ...changes },
        },
      ],
    },
    context,
  );
}
