// Stops a connection's work when a signal aborts (Ctrl-C or SIGTERM in a CLI), from a second connection.
import pg from "pg";

/**
 * When `signal` aborts, terminates `client`'s session. Terminated rather than cancelled: a cancel
 * stops only a statement in flight and is lost between two statements, whereas the server rolls a
 * terminated session's transaction back and frees its locks whatever it was doing. The client's
 * pending and later queries then fail. Returns a function that stops listening.
 */
export async function endSessionOnAbort(client: pg.Client, databaseUrl: string, signal: AbortSignal | undefined): Promise<() => void> {
  if (!signal) return () => {};
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const pid = rows[0]!.pid;
  // Already aborted: ended before the caller goes on, so it writes nothing.
  if (signal.aborted) {
    await terminateBackend(databaseUrl, pid).catch(() => {});
    return () => {};
  }
  const end = () => void terminateBackend(databaseUrl, pid).catch(() => {});
  signal.addEventListener("abort", end, { once: true });
  return () => signal.removeEventListener("abort", end);
}

async function terminateBackend(databaseUrl: string, pid: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("SELECT pg_terminate_backend($1)", [pid]);
  } finally {
    await client.end();
  }
}
