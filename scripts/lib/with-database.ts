// Opens the configured database, or starts the embedded one, for a CLI script.
import path from "node:path";

import { env } from "../../lib/server/env";
import { ensureDatabase, findRunningCluster, startEmbeddedPostgres } from "./embedded-postgres";

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * DATABASE_URL, else the embedded cluster: the one already running on the data folder (the app's,
 * when a CLI runs beside `npm start`), or a new one. Never two on one folder.
 */
export async function openDatabase(log: (line: string) => void = () => {}): Promise<OpenDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const dataDir = path.resolve(env.PULSEBOARD_DATA_DIR, "postgres");
  const cluster = (await findRunningCluster(dataDir)) ?? (await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_PG_PORT, log }));
  const url = cluster.url("pulseboard");
  await ensureDatabase(url);
  return { url, embedded: true, stop: cluster.stop };
}

export async function withDatabase(work: (databaseUrl: string) => Promise<void>): Promise<void> {
  const database = await openDatabase();
  try {
    await work(database.url);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await database.stop();
  }
}
