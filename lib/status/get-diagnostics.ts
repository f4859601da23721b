import "server-only";

import { checkHealth } from "../health/check-health";
import { listHubs } from "../realtime/list-hubs";
import { db } from "../server/db";
import type { Diagnostics, Hub, SchedulerScope } from "./types";

export type { Diagnostics, SchedulerScope };

async function getSchedulerState(): Promise<SchedulerScope[]> {
  const rows = await db.$queryRaw<
    { scope: string; version: number; computedAt: Date; durationMs: number; stale: boolean; lastError: string | null }[]
  >`
    SELECT DISTINCT ON (scope) scope, version, "computedAt", "durationMs", stale, "lastError"
    FROM "KpiSnapshot" ORDER BY scope, version DESC`;
  return rows.map((row) => ({ ...row, computedAt: row.computedAt.toISOString() }));
}

async function getIngestion() {
  const [latest] = await db.$queryRaw<{ soldAt: Date | null }[]>`SELECT max("soldAt") AS "soldAt" FROM "Sale"`;
  const soldAt = latest?.soldAt ?? null;
  return {
    lastSaleAt: soldAt?.toISOString() ?? null,
    lagSeconds: soldAt ? Math.max(0, Math.round((Date.now() - soldAt.getTime()) / 1000)) : null,
  };
}

/** Everything /status shows: component health, the KPI scheduler, ingestion lag, the live hubs. */
export async function getDiagnostics(): Promise<Diagnostics> {
  const [health, scheduler, ingestion, hubs] = await Promise.all([
    checkHealth(),
    getSchedulerState(),
    getIngestion(),
    listHubs().catch((): Hub[] => []),
  ]);
  return { health, scheduler, ingestion, hubs, versions: { node: process.version } };
}
