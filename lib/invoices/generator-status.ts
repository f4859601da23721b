import "server-only";

import { db } from "../server/db";
import { GENERATOR_ID } from "./generator-state";
import { DEFAULT_DURATION_SECONDS, DEFAULT_RATE_PER_SECOND } from "./schemas";
import type { InvoiceScope } from "./scope";
import type { GeneratorStatusView } from "./types";

/**
 * The generator as a caller sees it. `produced` is the run's count when the run is within the
 * caller's scope; a caller scoped to one unit watching an all-units run gets its unit's share.
 */
export async function getGeneratorStatus(scope: InvoiceScope): Promise<GeneratorStatusView> {
  const row = await db.generatorState.findUnique({ where: { id: GENERATOR_ID } });
  if (!row) {
    return {
      state: "IDLE",
      ratePerSecond: DEFAULT_RATE_PER_SECOND,
      durationSeconds: DEFAULT_DURATION_SECONDS,
      produced: 0,
      startedAt: null,
      endsAt: null,
      businessUnit: null,
    };
  }
  const unit =
    row.businessUnitId === null ? null : await db.businessUnit.findUnique({ where: { id: row.businessUnitId }, select: { slug: true } });
  let produced = row.produced;
  if (scope.businessUnitId !== null && row.businessUnitId !== scope.businessUnitId) {
    produced =
      row.businessUnitId === null && row.startedAt
        ? await db.invoice.count({ where: { businessUnitId: scope.businessUnitId, source: "SIMULATOR", issuedAt: { gte: row.startedAt } } })
        : 0;
  }
  return {
    state: row.status,
    ratePerSecond: row.ratePerSecond,
    durationSeconds: row.durationSeconds,
    produced,
    startedAt: row.startedAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    businessUnit: unit?.slug ?? null,
  };
}
