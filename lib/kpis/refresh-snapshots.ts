import "server-only";

import { noticeKpisStale } from "../notices/kpis-stale";
import { scopedChannel } from "../realtime/channels";
import { publishEvents } from "../realtime/publish";
import { db } from "../server/db";
import { logger } from "../server/logger";
import { errorMessage } from "../utils/error-message";
import { computeKpiSnapshot, type KpiScope } from "./compute-snapshot";
import { KPI_EVENT, toSnapshotView } from "./snapshot-view";
import type { RefreshOutcome } from "./types";

// Older versions are history nobody reads; keep enough to debug a bad minute.
const VERSIONS_KEPT = 50;

export type { RefreshOutcome };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

async function listScopes(): Promise<KpiScope[]> {
  const units = await db.businessUnit.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } });
  return [{ key: "all", businessUnitId: null }, ...units.map((unit) => ({ key: unit.slug, businessUnitId: unit.id }))];
}

async function refreshScope(scope: KpiScope, compute: typeof computeKpiSnapshot): Promise<RefreshOutcome> {
  const started = performance.now();
  const latest = await db.kpiSnapshot.findFirst({ where: { scope: scope.key }, orderBy: { version: "desc" } });
  const channel = scopedChannel("kpis", scope.businessUnitId === null ? null : scope.key);
  try {
    const payload = await compute(scope);
    const durationMs = Math.round(performance.now() - started);
    const version = (latest?.version ?? 0) + 1;
    const snapshot = await db.kpiSnapshot
      .create({
        data: {
          scope: scope.key,
          version,
          computedAt: new Date(payload.asOf),
          durationMs,
          payload,
        },
      })
      .catch((error: unknown) => {
        // A concurrent refresh stored this version first: its numbers are as fresh as ours.
        if (isUniqueViolation(error)) return null;
        throw error;
      });
    if (!snapshot) return { scope: scope.key, version, stale: false, durationMs };
    await db.kpiSnapshot.deleteMany({ where: { scope: scope.key, version: { lte: snapshot.version - VERSIONS_KEPT } } });
    await publishEvents([{ channel, name: KPI_EVENT, data: toSnapshotView(snapshot) }]);
    return { scope: scope.key, version: snapshot.version, stale: false, durationMs };
  } catch (error) {
    // Keep the last good numbers on screen, marked stale with the reason.
    const message = errorMessage(error);
    logger.error({ scope: scope.key, error: message }, "KPI refresh failed");
    const durationMs = Math.round(performance.now() - started);
    if (!latest) return { scope: scope.key, version: 0, stale: true, error: message, durationMs };
    const stale = await db.kpiSnapshot.update({ where: { id: latest.id }, data: { stale: true, lastError: message } });
    await publishEvents([{ channel, name: KPI_EVENT, data: toSnapshotView(stale) }]);
    // Only the failure that turns fresh numbers stale starts an episode worth telling the ADMINs.
    if (!latest.stale) await noticeKpisStale(scope, latest.version, message);
    return { scope: scope.key, version: latest.version, stale: true, error: message, durationMs };
  }
}

/** Recomputes, stores and broadcasts the snapshot of every scope. */
export async function refreshKpiSnapshots(compute: typeof computeKpiSnapshot = computeKpiSnapshot): Promise<RefreshOutcome[]> {
  const scopes = await listScopes();
  const outcomes: RefreshOutcome[] = [];
  // One scope at a time: the refresh must not starve the request path of connections.
  for (const scope of scopes) outcomes.push(await refreshScope(scope, compute));
  return outcomes;
}
