import "server-only";

import { checkHealth } from "../health/check-health";
import { redactHealth } from "../health/types";
import { canSubscribe, runIdOfChannel } from "../realtime/channels";
import { listHubs } from "../realtime/list-hubs";
import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import type { Diagnostics, Hub, SchedulerScope } from "./types";

export type { Diagnostics, SchedulerScope };

/** The latest snapshot of each KPI scope the user may see ("all" and every unit, or its own unit). */
async function getSchedulerState(user: SessionUser): Promise<SchedulerScope[]> {
  const rows = await db.$queryRaw<
    { scope: string; version: number; computedAt: Date; durationMs: number; stale: boolean; lastError: string | null }[]
  >`
    SELECT DISTINCT ON (scope) scope, version, "computedAt", "durationMs", stale, "lastError"
    FROM "KpiSnapshot" WHERE ${user.businessUnitSlug}::text IS NULL OR scope = ${user.businessUnitSlug}
    ORDER BY scope, version DESC`;
  return rows.map((row) => ({ ...row, computedAt: row.computedAt.toISOString() }));
}

async function getIngestion(user: SessionUser) {
  const [latest] = await db.$queryRaw<{ soldAt: Date | null }[]>`
    SELECT max("soldAt") AS "soldAt" FROM "Sale" WHERE ${user.businessUnitId}::int IS NULL OR "businessUnitId" = ${user.businessUnitId}`;
  const soldAt = latest?.soldAt ?? null;
  return {
    lastSaleAt: soldAt?.toISOString() ?? null,
    lagSeconds: soldAt ? Math.max(0, Math.round((Date.now() - soldAt.getTime()) / 1000)) : null,
  };
}

/** The live channels the user could subscribe to itself: a channel's name says whose data it carries. */
async function getHubs(user: SessionUser): Promise<Hub[]> {
  const hubs = await listHubs().catch((): Hub[] => []);
  const runIds = hubs.map((hub) => runIdOfChannel(hub.channel)).filter((id): id is number => id !== null && id <= 2_147_483_647);
  const [units, runs] = await Promise.all([
    db.businessUnit.findMany({ select: { slug: true } }),
    db.pipelineRun.findMany({ where: { id: { in: runIds } }, select: { id: true, businessUnit: { select: { slug: true } } } }),
  ]);
  const unitSlugs = units.map((unit) => unit.slug);
  const runUnits = new Map(runs.map((run) => [run.id, run.businessUnit?.slug ?? null]));
  return hubs.filter((hub) => {
    const runId = runIdOfChannel(hub.channel);
    return canSubscribe(user, hub.channel, { unitSlugs, runUnitSlug: runId === null ? undefined : runUnits.get(runId) });
  });
}

/**
 * Everything /status shows, in the user's scope: component health (in full for ADMINs only),
 * the KPI scheduler, ingestion lag and the live hubs.
 */
export async function getDiagnostics(user: SessionUser): Promise<Diagnostics> {
  const [health, scheduler, ingestion, hubs] = await Promise.all([
    checkHealth(),
    getSchedulerState(user),
    getIngestion(user),
    getHubs(user),
  ]);
  if (user.role !== "ADMIN") return { health: redactHealth(health), scheduler, ingestion, hubs };
  return { health, scheduler, ingestion, hubs, versions: { node: process.version } };
}
