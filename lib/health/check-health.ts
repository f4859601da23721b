import "server-only";

import packageJson from "../../package.json";
import { listHubs } from "../realtime/list-hubs";
import { db } from "../server/db";
import { env } from "../server/env";
import { errorMessage } from "../utils/error-message";
import type { ComponentHealth, HealthReport } from "./types";

export type { ComponentHealth, HealthReport };

async function timed(check: () => Promise<Record<string, unknown> | undefined>): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    const details = await check();
    return { status: "up", latencyMs: Math.round(performance.now() - started), ...(details ? { details } : {}) };
  } catch (error) {
    return { status: "down", latencyMs: Math.round(performance.now() - started), error: errorMessage(error) };
  }
}

export function checkDatabase(): Promise<ComponentHealth> {
  return timed(async () => {
    const [row] = await db.$queryRaw<{ version: string; migrations: bigint }[]>`
      SELECT current_setting('server_version') AS version,
             (SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL) AS migrations`;
    return { version: row?.version, migrations: Number(row?.migrations ?? 0) };
  });
}

export function checkRealtime(): Promise<ComponentHealth> {
  return timed(async () => {
    const hubs = await listHubs();
    return {
      host: `${env.PUSHER_HOST}:${env.PUSHER_PORT}`,
      channels: hubs.length,
      subscriptions: hubs.reduce((total, hub) => total + hub.subscribers, 0),
    };
  });
}

export async function checkHealth(): Promise<HealthReport> {
  const [database, realtime] = await Promise.all([checkDatabase(), checkRealtime()]);
  // Without realtime the app still serves (clients poll), so only the database makes it unhealthy.
  const status: HealthReport["status"] = database.status === "down" ? "down" : realtime.status === "down" ? "degraded" : "ok";
  return {
    status,
    app: { status: "up" as const, version: packageJson.version, uptimeSeconds: Math.round(process.uptime()) },
    database,
    realtime,
  };
}
