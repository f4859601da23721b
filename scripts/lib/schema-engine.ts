// Prisma's own schema engine, compiled to WASM, driven through the pg adapter.
// The Prisma CLI would download a native engine, which machines without internet
// cannot do; this runs anywhere and writes the same `_prisma_migrations` history,
// so `prisma migrate deploy` keeps working where the native engine is available.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

import { limitedPoolConfig } from "../../lib/server/session-limits";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const LOCKFILE = "migration_lock.toml";
const NO_FILTERS = { externalTables: [], externalEnums: [] };

// The engine reports a Rust panic's message here before it throws.
let lastPanic = "";
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message: string) => {
    lastPanic = message;
  },
};

async function loadEngineModule() {
  // The package entry imports its .wasm as an ES module, which Node refuses;
  // instantiate the module by hand from its bindings file instead.
  const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = createRequire(import.meta.url)
    .resolve("@prisma/schema-engine-wasm/schema_engine_bg")
    .replace(/\.js$/, ".wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": bg });
  const exports = instance.exports as { __wbindgen_start: () => void };
  bg.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return bg;
}

// Discrete fields rather than a connection string: the adapter derives the shadow
// database's pool by overriding `database`, which a connection string would win over.
function poolConfig(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
    max: 2,
  };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
/** Result rows whose columns (by index) had PostgreSQL's one-byte "char" type. */
const charColumns = new WeakMap<unknown[], number[]>();

// The engine reads catalog columns of the one-byte "char" type (pg_constraint.contype,
// …), which the pg adapter does not map. Pass them through as text, then label
// them Character for the engine (see adaptForEngine).
function createCatalogFriendlyPool(config: PoolConfig): pg.Pool {
  // A killed or hung migrator leaves no transaction or lock behind.
  const pool = new pg.Pool(limitedPoolConfig(config));
  const query = pool.query.bind(pool) as (query: pg.QueryConfig) => Promise<pg.QueryResult>;
  (pool as unknown as { query: typeof query }).query = async (queryConfig) => {
    const result = await query(queryConfig);
    const indices = (result.fields ?? []).flatMap((field, index) => (field.dataTypeID === PG_CHAR_OID ? [index] : []));
    for (const index of indices) result.fields[index]!.dataTypeID = PG_TEXT_OID;
    if (indices.length > 0) charColumns.set(result.rows, indices);
    return result;
  };
  return pool;
}

interface PgAdapterInternals {
  client: { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
}

/**
 * Fits the stock adapter to the engine: labels "char" columns (see above), and runs a
 * migration script in one round trip, as PostgreSQL's simple protocol allows. The
 * stock executeScript splits on every ";", which breaks function bodies.
 */
function adaptForEngine(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  const internals = adapter as unknown as PgAdapterInternals;
  adapter.executeScript = async (script) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

type PoolConfig = ReturnType<typeof poolConfig>;

/**
 * The adapter factory handed to the engine. Unlike the stock one, its shadow
 * database is dropped only after the shadow pool is closed (PostgreSQL refuses
 * to drop a database in use), and the caller can close its pool.
 */
function createEngineAdapterFactory(config: PoolConfig): SqlMigrationAwareDriverAdapterFactory & { pool: pg.Pool } {
  const pool = createCatalogFriendlyPool(config);
  const base = new PrismaPg(pool);
  return {
    pool,
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => adaptForEngine(await base.connect()),
    connectToShadowDb: async () => {
      const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client(config);
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const shadowPool = createCatalogFriendlyPool({ ...config, database: name });
      const adapter = adaptForEngine(await new PrismaPg(shadowPool, { disposeExternalPool: true }).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      };
      return adapter;
    },
  };
}

let engineModule: Promise<Awaited<ReturnType<typeof loadEngineModule>>> | undefined;

export async function withSchemaEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  engineModule ??= loadEngineModule();
  const { SchemaEngine } = await engineModule;
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const factory = createEngineAdapterFactory(poolConfig(databaseUrl));
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, adapter);
  try {
    return await work(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    // The engine does not dispose its adapter; close the pool so the database can be dropped or cloned.
    await factory.pool.end();
  }
}

export async function readMigrations(): Promise<MigrationList> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockContent = await readFile(path.join(MIGRATIONS_DIR, LOCKFILE), "utf8").catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: lockContent === null ? { path: LOCKFILE, content: null } : { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await readMigrations();
  return withSchemaEngine(databaseUrl, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return appliedMigrationNames;
  });
}

/** SQL that would bring a database built from the migrations up to schema.prisma ("" when none). */
export async function diffMigrationsToSchema(databaseUrl: string): Promise<string> {
  const migrations = await readMigrations();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  return withSchemaEngine(databaseUrl, async (engine) => {
    const from =
      migrations.migrationDirectories.length === 0 ? ({ tag: "empty" } as const) : ({ tag: "migrations", ...migrations } as const);
    const { stdout } = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return (stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
  });
}

/** SQL that would bring a live database up to schema.prisma ("" when it matches). */
export async function diffDatabaseToSchema(databaseUrl: string): Promise<string> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  return withSchemaEngine(databaseUrl, async (engine) => {
    const { stdout } = await engine.diff({
      // "schemaDatasource" is the database the engine is connected to.
      from: { tag: "schemaDatasource", files: [{ path: SCHEMA_PATH, content: schema }], configDir: path.dirname(SCHEMA_PATH) },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return (stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
  });
}
