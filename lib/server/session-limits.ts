// Server-side limits on a connection, so that a client that crashes, is killed or hangs never leaves
// a statement, an open transaction or their locks behind. Plain pg: scripts, the pipeline and the
// app's pool all use it.
import type pg from "pg";

export interface SessionLimits {
  /** Each statement's limit; leave it out for none (a load runs as long as its file needs). */
  statementTimeoutMs?: number;
}

/** A transaction left idle this long belongs to a client that hung: the server ends the session. */
export const IDLE_IN_TRANSACTION_MS = 60_000;
/** How often the server checks, while a statement runs, that its client is still there (PostgreSQL 14+). */
export const CONNECTION_CHECK_MS = 2_000;
/** For bookkeeping queries (run records, log lines): far above what they take. */
export const SHORT_STATEMENT_MS = 30_000;

// One round trip. A limit the server, database or role already sets stricter is kept (so an
// administrator, or a test, can shorten them), and a setting an older server lacks is skipped.
const LIMIT_SESSION_SQL = `
SELECT set_config(s.name, l.ms || 'ms', false)
FROM (VALUES ('idle_in_transaction_session_timeout', $1::int), ('client_connection_check_interval', $2::int),
             ('statement_timeout', $3::int)) AS l (name, ms)
JOIN pg_settings s ON s.name = l.name
WHERE l.ms IS NOT NULL AND (s.setting::int = 0 OR s.setting::int > l.ms)`;

export async function limitSession(client: pg.ClientBase, limits: SessionLimits = {}): Promise<void> {
  await client.query(LIMIT_SESSION_SQL, [IDLE_IN_TRANSACTION_MS, CONNECTION_CHECK_MS, limits.statementTimeoutMs ?? null]);
}

/** pg.Pool settings whose every new connection gets the limits before its first query. */
export function limitedPoolConfig(config: pg.PoolConfig): pg.PoolConfig {
  return {
    ...config,
    // pg-pool awaits this hook before handing the connection out (@types/pg types it as returning
    // void). A server that refuses a limit still serves queries.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    onConnect: (client) => limitSession(client).catch(() => {}),
  };
}
