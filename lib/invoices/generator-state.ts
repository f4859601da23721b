import "server-only";

import { Prisma } from "../generated/prisma/client";
import type { GeneratorStateChange, GeneratorStateName } from "./types";

/**
 * One GeneratorState row per scope: row 1 generates for every unit, each other row for its one
 * unit (`businessUnitId`, fixed for the row's life). Every tick source and control agrees through them.
 */
export interface GeneratorRow {
  id: number;
  status: GeneratorStateName;
  ratePerSecond: number;
  durationSeconds: number;
  startedAt: Date | null;
  endsAt: Date | null;
  produced: number;
  /** Invoices of the current (or last) run per unit id. */
  producedByUnit: Record<string, number>;
  businessUnitId: number | null;
}

export type Transaction = Prisma.TransactionClient;
type Reader = Pick<Transaction, "$queryRaw">;

export const ALL_UNITS_GENERATOR_ID = 1;

const COLUMNS = Prisma.sql`id, status::text AS status, "ratePerSecond", "durationSeconds", "startedAt", "endsAt", produced,
  "producedByUnit", "businessUnitId"`;

/** The rows of the all-units generator (unitIds null: every row) and of the given units, by id. */
function scopeFilter(unitIds: readonly number[] | null) {
  return unitIds === null ? Prisma.sql`TRUE` : Prisma.sql`(id = ${ALL_UNITS_GENERATOR_ID} OR "businessUnitId" = ANY(${unitIds}::int[]))`;
}

export async function readGenerators(db: Reader, unitIds: readonly number[] | null): Promise<GeneratorRow[]> {
  return db.$queryRaw<GeneratorRow[]>`SELECT ${COLUMNS} FROM "GeneratorState" WHERE ${scopeFilter(unitIds)} ORDER BY id`;
}

/**
 * Locks one generator row for the rest of the transaction. Ticks pass `skipLocked`: while
 * another tick or a control action holds the row, they do nothing rather than queue up.
 */
export async function lockGenerator(tx: Transaction, id: number, { skipLocked = false } = {}): Promise<GeneratorRow | null> {
  const rows = await tx.$queryRaw<GeneratorRow[]>`
    SELECT ${COLUMNS} FROM "GeneratorState" WHERE id = ${id} FOR UPDATE ${skipLocked ? Prisma.sql`SKIP LOCKED` : Prisma.empty}`;
  return rows[0] ?? null;
}

/** Controls create rows on first use (a database seeded without demo data has none). */
async function ensureGenerators(tx: Transaction, unitIds: readonly (number | null)[]) {
  if (unitIds.includes(null))
    await tx.$executeRaw`INSERT INTO "GeneratorState" (id, "updatedAt") VALUES (${ALL_UNITS_GENERATOR_ID}, now()) ON CONFLICT (id) DO NOTHING`;
  const units = unitIds.filter((id): id is number => id !== null);
  if (units.length > 0)
    await tx.$executeRaw`
      INSERT INTO "GeneratorState" ("businessUnitId", "updatedAt") SELECT unnest(${units}::int[]), now()
      ON CONFLICT ("businessUnitId") DO NOTHING`;
}

/**
 * Creates and locks the generators of these scopes (null: the all-units one), in id order so two
 * controls never deadlock; ticks skip what is locked, so none writes for these units meanwhile.
 */
export async function lockOrCreateGenerators(tx: Transaction, unitIds: readonly (number | null)[]): Promise<GeneratorRow[]> {
  await ensureGenerators(tx, unitIds);
  const units = unitIds.filter((id): id is number => id !== null);
  const all = unitIds.includes(null) ? Prisma.sql`id = ${ALL_UNITS_GENERATOR_ID}` : Prisma.sql`FALSE`;
  return tx.$queryRaw<GeneratorRow[]>`
    SELECT ${COLUMNS} FROM "GeneratorState" WHERE ${all} OR "businessUnitId" = ANY(${units}::int[]) ORDER BY id FOR UPDATE`;
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

/** The generator's slug key: its unit's slug, or null for the all-units generator. */
export function scopeSlugOf(row: Pick<GeneratorRow, "businessUnitId">, unitSlugs: ReadonlyMap<number, string>): string | null {
  return row.businessUnitId === null ? null : (unitSlugs.get(row.businessUnitId) ?? null);
}

export function toStateChange(row: GeneratorRow, unitSlugs: ReadonlyMap<number, string>): GeneratorStateChange {
  return {
    businessUnit: scopeSlugOf(row, unitSlugs),
    state: row.status,
    ratePerSecond: row.ratePerSecond,
    durationSeconds: row.durationSeconds,
    startedAt: row.startedAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
  };
}
