import "server-only";

import type { Prisma } from "../generated/prisma/client";
import type { GeneratorStateChange, GeneratorStateName } from "./types";

/** The one GeneratorState row (id 1): every tick source and control agrees through it. */
export interface GeneratorRow {
  status: GeneratorStateName;
  ratePerSecond: number;
  durationSeconds: number;
  startedAt: Date | null;
  endsAt: Date | null;
  produced: number;
  businessUnitId: number | null;
}

export type Transaction = Prisma.TransactionClient;

export const GENERATOR_ID = 1;

/**
 * Locks the generator row for the rest of the transaction. Ticks pass `skipLocked`: while
 * another tick or a control action holds the row, they do nothing rather than queue up.
 */
export async function lockGenerator(tx: Transaction, { skipLocked = false } = {}): Promise<GeneratorRow | null> {
  const rows = skipLocked
    ? await tx.$queryRaw<GeneratorRow[]>`
        SELECT status::text AS status, "ratePerSecond", "durationSeconds", "startedAt", "endsAt", produced, "businessUnitId"
        FROM "GeneratorState" WHERE id = ${GENERATOR_ID} FOR UPDATE SKIP LOCKED`
    : await tx.$queryRaw<GeneratorRow[]>`
        SELECT status::text AS status, "ratePerSecond", "durationSeconds", "startedAt", "endsAt", produced, "businessUnitId"
        FROM "GeneratorState" WHERE id = ${GENERATOR_ID} FOR UPDATE`;
  return rows[0] ?? null;
}

/** Controls create the row on first use (a database seeded without demo data has none). */
export async function lockOrCreateGenerator(tx: Transaction): Promise<GeneratorRow> {
  await tx.$executeRaw`INSERT INTO "GeneratorState" (id, "updatedAt") VALUES (${GENERATOR_ID}, now()) ON CONFLICT (id) DO NOTHING`;
  const row = await lockGenerator(tx);
  if (!row) throw new Error("GeneratorState row vanished");
  return row;
}

/** Invoices a run produces in all: rate × duration. */
export function runTotal(row: Pick<GeneratorRow, "ratePerSecond" | "durationSeconds">): number {
  return row.ratePerSecond * row.durationSeconds;
}

/** How many invoices of the run are due by `now` (never beyond the end of the run). */
export function dueBy(row: GeneratorRow, now: Date): number {
  if (row.status !== "RUNNING" || !row.startedAt || !row.endsAt) return 0;
  const elapsedMs = Math.min(now.getTime(), row.endsAt.getTime()) - row.startedAt.getTime();
  if (elapsedMs <= 0) return 0;
  return Math.min(runTotal(row), Math.floor((row.ratePerSecond * elapsedMs) / 1000));
}

export function toStateChange(row: GeneratorRow, unitSlugs: ReadonlyMap<number, string>): GeneratorStateChange {
  return {
    state: row.status,
    ratePerSecond: row.ratePerSecond,
    durationSeconds: row.durationSeconds,
    startedAt: row.startedAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    businessUnit: row.businessUnitId === null ? null : (unitSlugs.get(row.businessUnitId) ?? null),
  };
}
