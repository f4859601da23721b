// Which deployment environment a database belongs to. The Vercel build marks it after migrating;
// a preview build then refuses a database marked production (and a production build a preview's),
// before it migrates or seeds anything. A preview branch copied from production carries the
// production row but not its host, so it is recognised as a copy and re-marked.
import pg from "pg";

import { applyMigrations } from "./schema-engine";

export type DeploymentEnvironmentName = "production" | "preview" | "development";

export interface Marker {
  environment: string;
  databaseHost: string;
}

/** The host (and port) a connection string points at: what tells a branch from its parent. */
export function databaseHostOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}${url.port ? `:${url.port}` : ""}`;
}

/** Why `environment` may not use a database marked `marker` at `host`, or null when it may. */
export function refusalFor(environment: DeploymentEnvironmentName, host: string, marker: Marker | null): string | null {
  if (!marker || marker.databaseHost !== host || marker.environment === environment) return null;
  if (environment === "preview" && marker.environment === "production")
    return (
      `DATABASE_URL points at the production database (${host}); a preview build will not migrate or seed it. ` +
      "Give previews their own database: with Neon's Vercel integration each preview gets a branch and its own " +
      "DATABASE_URL, or set DATABASE_URL for the Preview environment to a separate database."
    );
  if (environment === "production" && marker.environment === "preview")
    return (
      `DATABASE_URL points at a database that preview deployments use (${host}); production will not share it. ` +
      "Set DATABASE_URL for the Production environment to the production database."
    );
  return null;
}

async function readMarker(client: pg.ClientBase): Promise<Marker | null> {
  const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass('"DeploymentEnvironment"') IS NOT NULL AS exists`);
  if (!rows[0]?.exists) return null;
  const marker = await client.query<Marker>(`SELECT environment, "databaseHost" FROM "DeploymentEnvironment" WHERE id = 1`);
  return marker.rows[0] ?? null;
}

async function writeMarker(client: pg.ClientBase, environment: DeploymentEnvironmentName, host: string): Promise<void> {
  await client.query(
    `INSERT INTO "DeploymentEnvironment" (id, environment, "databaseHost") VALUES (1, $1, $2)
     ON CONFLICT (id) DO UPDATE SET environment = $1, "databaseHost" = $2, "markedAt" = now()`,
    [environment, host],
  );
}

/** The environment Vercel builds for (VERCEL_ENV), or development elsewhere. */
export function buildEnvironment(vercelEnv = process.env.VERCEL_ENV): DeploymentEnvironmentName {
  return vercelEnv === "production" || vercelEnv === "preview" ? vercelEnv : "development";
}

/**
 * Refuses a database marked for another environment (throws with what to do), then migrates it
 * and marks it as `environment`'s. Returns the migrations it applied.
 */
export async function prepareDeploymentDatabase(databaseUrl: string, environment: DeploymentEnvironmentName): Promise<string[]> {
  const host = databaseHostOf(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const refusal = refusalFor(environment, host, await readMarker(client));
    if (refusal) throw new Error(refusal);
    const applied = await applyMigrations(databaseUrl);
    await writeMarker(client, environment, host);
    return applied;
  } finally {
    await client.end();
  }
}
