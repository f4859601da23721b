import "server-only";

import { db } from "../server/db";
import { readGenerators, type GeneratorRow } from "./generator-state";
import { DEFAULT_DURATION_SECONDS, DEFAULT_RATE_PER_SECOND } from "./schemas";
import type { InvoiceScope } from "./scope";
import type { GeneratorStatusView, GeneratorView } from "./types";

const idle = (businessUnit: string | null): GeneratorView => ({
  businessUnit,
  state: "IDLE",
  ratePerSecond: DEFAULT_RATE_PER_SECOND,
  durationSeconds: DEFAULT_DURATION_SECONDS,
  produced: 0,
  startedAt: null,
  endsAt: null,
});

function viewOf(row: GeneratorRow | undefined, businessUnit: string | null): GeneratorView {
  if (!row) return idle(businessUnit);
  return {
    businessUnit,
    state: row.status,
    ratePerSecond: row.ratePerSecond,
    durationSeconds: row.durationSeconds,
    produced: row.produced,
    startedAt: row.startedAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
  };
}

/**
 * The generators as a caller sees them. Unscoped: the all-units generator and each unit's, in full.
 * Scoped: its unit's generator, and of the all-units run only its unit's count and timing, never
 * the run's rate or another unit's generator. The top level repeats the `focus` generator (by default
 * the caller's own; `focus` counts only for unscoped callers), so a client that knows one generator reads it
 * there. Controls pass their transaction as `reader`, to answer with what they commit.
 */
export async function getGeneratorStatus(
  scope: InvoiceScope,
  focus: number | null = scope.businessUnitId,
  reader: Pick<typeof db, "$queryRaw" | "businessUnit"> = db,
): Promise<GeneratorStatusView> {
  const unitId = scope.businessUnitId;
  const [rows, units] = await Promise.all([
    readGenerators(reader, unitId === null ? null : [unitId]),
    reader.businessUnit.findMany({
      where: unitId === null ? {} : { id: unitId },
      select: { id: true, slug: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const rowOf = (id: number | null) => rows.find((row) => row.businessUnitId === id);
  const allUnits = viewOf(rowOf(null), null);
  const unitViews = units.map((unit) => ({ id: unit.id, view: viewOf(rowOf(unit.id), unit.slug) }));
  const generators =
    unitId === null
      ? [allUnits, ...unitViews.map((entry) => entry.view)]
      : [
          ...unitViews.map((entry) => entry.view),
          { ...allUnits, ratePerSecond: null, produced: rowOf(null)?.producedByUnit[String(unitId)] ?? 0 },
        ];
  // A scoped caller's focus is always its own unit: the all-units run in full is not its to see.
  const focusId = unitId ?? focus;
  const primary = focusId === null ? allUnits : (unitViews.find((entry) => entry.id === focusId)?.view ?? idle(null));
  return { ...primary, ratePerSecond: primary.ratePerSecond ?? DEFAULT_RATE_PER_SECOND, generators };
}
