// Ctrl-C / SIGTERM on the ETL CLI, and clients that crash or hang: no statement, transaction or lock
// is left behind in PostgreSQL. Real processes against a real database; a test's own transaction
// holds the rollup tables, so the load is certain to be mid-statement (holding its locks on "Sale")
// when the signal comes.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ROLLUP_TABLES } from "../lib/sales/rollups";
import { seedDemoData } from "../lib/seed/seed-demo-data";
import { createPrismaClient } from "../lib/server/prisma-client";
import { limitSession } from "../lib/server/session-limits";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

let database: TestDatabase;
let admin: pg.Client;
let smallFile: string;
let bigFile: string;
const LOCKED_TABLES = ["Sale", ...ROLLUP_TABLES];

/** A canonical file of `rows` new sale lines (orders S-0…, four lines each, both units). */
async function writeSalesFile(file: string, rows: number) {
  const out = createWriteStream(file);
  let chunk = "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,quantity,unit_price\n";
  for (let i = 0; i < rows; i += 1) {
    const order = Math.floor(i / 4);
    const at = new Date(Date.UTC(2025, 0, 1) + order * 37_000).toISOString().slice(0, 19);
    const branch = order % 40;
    chunk += `S-${order},${(i % 4) + 1},${at},${order % 2 ? "perfil" : "orglight"},R-${branch % 8},BR-${branch},REP-${order % 120},C-${order % 5000},SKU-${i % 500},${1 + (i % 9)},${5 + (i % 95)}.25\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.url, { lines: 1_000, now: new Date("2026-05-14T12:00:00Z") });
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const dir = await mkdtemp(path.join(os.tmpdir(), "cli-shutdown-"));
  // Past the bulk threshold: the merge writes "Sale", then the rollups set-based.
  smallFile = path.join(dir, "small.csv");
  await writeSalesFile(smallFile, 5_000);
  bigFile = path.join(dir, "big.csv");
  await writeSalesFile(bigFile, 400_000);
}, 60_000);

afterAll(() => admin?.end());

/** The ETL CLI on `file`, run by Node itself (not npx), so signals reach the process holding the connections. */
function startEtl(file: string) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/etl.ts", "--file", file], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: "pipe",
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => output, applicationName: `pulseboard etl ${child.pid}` };
}

/** The CLI's sessions (every connection it opens carries its application name). */
async function sessionsOf(applicationName: string) {
  const { rows } = await admin.query<{ pid: number; state: string; waiting: boolean }>(
    `SELECT pid, state, wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE application_name = $1`,
    [applicationName],
  );
  return rows;
}

/** Locks on "Sale" and the rollup tables, except those of the session `except`. */
async function tableLocks(except: number | null = null) {
  const { rows } = await admin.query<{ table: string; mode: string; pid: number }>(
    `SELECT c.relname AS table, l.mode, l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
     WHERE c.relname = ANY($1) AND l.pid IS DISTINCT FROM $2`,
    [LOCKED_TABLES, except],
  );
  return rows;
}

/** A transaction of the test's own holding the rollup tables: a load's rollup writes wait for it. */
async function holdRollups() {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("SET idle_in_transaction_session_timeout = 0");
  await client.query("BEGIN");
  await client.query(`LOCK TABLE ${ROLLUP_TABLES.map((table) => `"${table}"`).join(", ")} IN SHARE MODE`);
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  let released = false;
  return {
    pid: rows[0]!.pid,
    // Idempotent, so a test's finally can release it again.
    release: async () => {
      if (released) return;
      released = true;
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}

const databaseName = () => new URL(database.url).pathname.slice(1);

async function runOf(fileName: string) {
  return database.db.pipelineRun.findFirstOrThrow({ where: { fileName }, orderBy: { id: "desc" } });
}

/** Until the CLI's run is RUNNING and its load waits, mid-statement, on the held rollup tables. */
async function waitUntilBlocked(etl: ReturnType<typeof startEtl>) {
  const waiting = async () => (await sessionsOf(etl.applicationName)).find((session) => session.waiting)?.pid;
  await expect.poll(waiting, { timeout: 20_000, interval: 50 }).toBeDefined();
  const loadPid = (await waiting())!;
  const run = await runOf("small.csv");
  expect(run.status).toBe("RUNNING");
  // The load holds "Sale" (its rows written, not committed) while it waits.
  expect((await tableLocks()).some((lock) => lock.table === "Sale" && lock.pid === loadPid)).toBe(true);
  return { run, loadPid };
}

const isConnected = async (pid: number) => (await admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid])).rowCount === 1;

describe("Ctrl-C or SIGTERM on the ETL CLI", () => {
  it("SIGTERM mid-load: exits 143 at once, rolls back, frees every lock and fails the run", async () => {
    const rollups = await holdRollups();
    try {
      const etl = startEtl(smallFile);
      const { run } = await waitUntilBlocked(etl);
      const signalled = performance.now();
      etl.child.kill("SIGTERM");
      expect(await etl.exited, etl.output()).toBe(143);
      expect(performance.now() - signalled).toBeLessThan(5_000);
      expect(etl.output()).toMatch(/^etl: cancelled by SIGTERM$/m);
      // Ended while the test still holds the rollups: the cancel did it, not the lock coming free.
      await expect.poll(() => sessionsOf(etl.applicationName), { timeout: 3_000 }).toEqual([]);
      expect(await tableLocks(rollups.pid)).toEqual([]);
      const failed = await database.db.pipelineRun.findUniqueOrThrow({ where: { id: run.id } });
      expect(failed).toMatchObject({ status: "FAILED", error: "cancelled by SIGTERM", rowsInserted: 0 });
      // Published and logged like any failure.
      const log = await database.db.pipelineLog.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" } });
      expect(log.at(-1)).toMatchObject({ level: "ERROR", message: "failed: cancelled by SIGTERM" });
      expect(await database.db.sale.count({ where: { sourceRunId: run.id } })).toBe(0);
    } finally {
      await rollups.release();
    }
    expect(await tableLocks()).toEqual([]);
  }, 30_000);

  it("Ctrl-C while staging a big file: exits 130, and the run fails with the reason", async () => {
    const etl = startEtl(bigFile);
    await expect.poll(etl.output, { timeout: 20_000, interval: 50 }).toMatch(/read [\d,]+ rows/);
    etl.child.kill("SIGINT");
    expect(await etl.exited, etl.output()).toBe(130);
    expect(etl.output()).toMatch(/^etl: cancelled by SIGINT$/m);
    await expect.poll(() => sessionsOf(etl.applicationName), { timeout: 3_000 }).toEqual([]);
    const run = await runOf("big.csv");
    expect(run).toMatchObject({ status: "FAILED", error: "cancelled by SIGINT" });
    expect(await database.db.sale.count({ where: { sourceRunId: run.id } })).toBe(0);
  }, 30_000);
});

describe("a client that crashes or hangs mid-transaction", () => {
  it("killed mid-statement: the server stops its statement and ends its sessions", async () => {
    const rollups = await holdRollups();
    try {
      const etl = startEtl(smallFile);
      const { run } = await waitUntilBlocked(etl);
      etl.child.kill("SIGKILL");
      await etl.exited;
      // The load waits on a lock, reading nothing from its socket: only client_connection_check_interval notices.
      await expect.poll(() => sessionsOf(etl.applicationName), { timeout: 5_000, interval: 100 }).toEqual([]);
      expect(await tableLocks(rollups.pid)).toEqual([]);
      expect(await database.db.sale.count({ where: { sourceRunId: run.id } })).toBe(0);
    } finally {
      await rollups.release();
    }
  }, 30_000);

  it("hung with a transaction open: the idle-in-transaction limit ends the session", async () => {
    // Shortened for the test (the CLI keeps a limit stricter than its own 60 s; see below).
    await admin.query(`ALTER DATABASE ${databaseName()} SET idle_in_transaction_session_timeout = '2s'`);
    const rollups = await holdRollups();
    const etl = startEtl(smallFile);
    try {
      const { run, loadPid } = await waitUntilBlocked(etl);
      // Frozen, its connections open: once its statement completes, the load sits idle in its transaction.
      etl.child.kill("SIGSTOP");
      await rollups.release();
      await expect.poll(() => isConnected(loadPid), { timeout: 8_000, interval: 100 }).toBe(false);
      // Its other connections stay (the process lives, frozen); the load's transaction and locks are gone.
      expect((await sessionsOf(etl.applicationName)).length).toBeGreaterThan(0);
      expect(await tableLocks()).toEqual([]);
      expect(await database.db.sale.count({ where: { sourceRunId: run.id } })).toBe(0);
    } finally {
      await rollups.release();
      etl.child.kill("SIGKILL");
      await etl.exited;
      await admin.query(`ALTER DATABASE ${databaseName()} RESET idle_in_transaction_session_timeout`);
    }
  }, 30_000);
});

describe("session limits", () => {
  const settingsOf = async (client: pg.ClientBase) =>
    (
      await client.query<{ idle: string; check: string; statement: string }>(
        `SELECT current_setting('idle_in_transaction_session_timeout') AS idle,
                current_setting('client_connection_check_interval') AS check, current_setting('statement_timeout') AS statement`,
      )
    ).rows[0];

  it("sets the idle-in-transaction and connection-check limits, and a statement timeout when asked", async () => {
    const client = new pg.Client({ connectionString: database.url, options: "-c client_connection_check_interval=0" });
    await client.connect();
    try {
      await limitSession(client, { statementTimeoutMs: 30_000 });
      expect(await settingsOf(client)).toEqual({ idle: "1min", check: "2s", statement: "30s" });
    } finally {
      await client.end();
    }
  });

  it("keeps a stricter limit the database sets", async () => {
    await admin.query(`ALTER DATABASE ${databaseName()} SET idle_in_transaction_session_timeout = '5s'`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await limitSession(client);
      expect(await settingsOf(client)).toMatchObject({ idle: "5s", statement: "0" });
    } finally {
      await client.end();
      await admin.query(`ALTER DATABASE ${databaseName()} RESET idle_in_transaction_session_timeout`);
    }
  });

  it("applies to the app's pool before its first query", async () => {
    const db = createPrismaClient(database.url, 1);
    try {
      const rows = await db.$queryRaw<{ idle: string }[]>`SELECT current_setting('idle_in_transaction_session_timeout') AS idle`;
      expect(rows[0]?.idle).toBe("1min");
    } finally {
      await db.$disconnect();
    }
  });
});
