// Opens the configured database, or starts the embedded one, for a CLI script.
import path from "node:path";

import { env } from "../../lib/server/env";
import { errorMessage } from "../../lib/utils/error-message";
import { ensureDatabase, findRunningCluster, startEmbeddedPostgres } from "./embedded-postgres";
import { takeOverShutdownSignals } from "./shutdown";

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

/**
 * Runs a script's work on the database. Ctrl-C or SIGTERM aborts `signal`, ends what the work still
 * runs in the database, stops a cluster this process started and exits 130 or 143 (scripts/lib/shutdown.ts).
 */
export async function withDatabase(work: (databaseUrl: string, signal: AbortSignal) => Promise<void>): Promise<void> {
  const shutdown = takeOverShutdownSignals(path.basename(process.argv[1] ?? "script", ".ts"));
  let database: OpenDatabase;
  try {
    database = await openDatabase();
  } catch (error) {
    console.error(errorMessage(error));
    process.exit(1);
  }
  try {
    if (!shutdown.signal.aborted) await shutdown.settle(work(database.url, shutdown.signal), database.url);
  } catch (error) {
    // Cancelled work fails with whatever its ended session said: the exit line gives the reason instead.
    if (!shutdown.signal.aborted) {
      console.error(errorMessage(error));
      process.exitCode = 1;
    }
  } finally {
    await database.stop();
  }
  shutdown.exitIfSignalled();
  // Explicitly, with process.exitCode: embedded-postgres's exit hook would end the process with 0
  // once idle pool connections have timed out.
  process.exit();
}
