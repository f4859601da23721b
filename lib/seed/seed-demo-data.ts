// Seeds the demo company, its sales history, rollups and demo users, once per database.
// Everything happens in one transaction: a crash or a kill leaves nothing half-seeded.
import { randomBytes } from "node:crypto";

import pg from "pg";

import { rebuildRollups, ROLLUP_TABLES } from "../sales/rollups";
import { endSessionOnAbort } from "../server/end-session-on-abort";
import { env, isLocalMode, LOCAL_DEMO_PASSWORD } from "../server/env";
import { limitSession } from "../server/session-limits";
import { loadWithDeferredIndexes } from "./bulk-load";
import { createDemoCompany } from "./catalog";
import { DEMO_USERS, insertDemoUsers } from "./demo-users";
import { insertDimensions } from "./dimensions";
import { copySales, DEFAULT_SALE_LINES, generateSales } from "./sales";

export const DEFAULT_SEED = 20_240_601;

export interface SeedOptions {
  /** End of the sales history (default: the current time). */
  now?: Date;
  /** Number of sale lines (default 220,000). */
  lines?: number;
  seed?: number;
  log?: (line: string) => void;
  /** Aborted (Ctrl-C or SIGTERM in the CLI): the seed's transaction is rolled back and it throws. */
  signal?: AbortSignal;
}

export interface SeedSummary {
  businessUnits: number;
  regions: number;
  branches: number;
  salespeople: number;
  products: number;
  customers: number;
  orders: number;
  sales: number;
  hourlyRollups: number;
  dailyRollups: number;
  users: number;
  elapsedMs: number;
}

/** DEMO_PASSWORD if set; else the public one on a developer's machine, a fresh random one anywhere else. */
function demoPassword(): { value: string; generated: boolean } {
  if (env.DEMO_PASSWORD) return { value: env.DEMO_PASSWORD, generated: false };
  if (isLocalMode(env)) return { value: LOCAL_DEMO_PASSWORD, generated: false };
  return { value: randomBytes(12).toString("base64url"), generated: true };
}

// Any constant works: it only has to be the same for every process that seeds.
const SEED_LOCK_KEY = 727_001;

/** Returns null, touching nothing, when the database already has business units. */
export async function seedDemoData(databaseUrl: string, options: SeedOptions = {}): Promise<SeedSummary | null> {
  const started = performance.now();
  const { now = new Date(), lines = DEFAULT_SALE_LINES, seed = DEFAULT_SEED, log: write = () => {} } = options;
  const log = (line: string) => write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);
  if (!Number.isInteger(lines) || lines < 1) throw new Error(`lines must be a positive integer, got ${lines}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  // A dropped connection also fails the pending query; without a listener it would crash the process.
  // Cancelled, the connection is ended on purpose: nothing to report.
  client.on("error", (error) => options.signal?.aborted || log(`database connection lost: ${error.message}`));
  await client.connect();
  let stopEnding = () => {};
  try {
    await limitSession(client);
    stopEnding = await endSessionOnAbort(client, databaseUrl, options.signal);
    await client.query("BEGIN");
    // Two app instances starting together must not both seed: the second waits, then sees the data.
    await client.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
    const { rows } = await client.query<{ seeded: boolean }>(`SELECT EXISTS (SELECT 1 FROM "BusinessUnit") AS seeded`);
    if (rows[0]?.seeded) {
      await client.query("ROLLBACK");
      return null;
    }
    // Hash aggregates for the rollups stay in memory.
    await client.query("SET LOCAL work_mem = '128MB'");

    const company = createDemoCompany(seed, now.getTime());
    const ids = await insertDimensions(client, company);
    log(
      `dimensions: ${company.branches.length} branches, ${company.salespeople.length} salespeople, ${company.products.length} products, ${company.customers.length} customers`,
    );

    const sales = generateSales(company, ids, { nowMs: now.getTime(), lines, seed });
    const progress = (count: number) => log(`sales: ${count.toLocaleString("en")} of ${lines.toLocaleString("en")}`);
    const copied = await loadWithDeferredIndexes(client, ["Sale"], () => copySales(client, sales, progress));
    log(`sales: ${copied.lines.toLocaleString("en")} lines in ${copied.orders.toLocaleString("en")} orders`);

    await loadWithDeferredIndexes(client, ROLLUP_TABLES, () => rebuildRollups(client));
    const rollups = await client.query<{ hourly: number; daily: number }>(
      `SELECT (SELECT count(*)::int FROM "SalesHourlyRollup") AS hourly, (SELECT count(*)::int FROM "SalesDailyRollup") AS daily`,
    );
    await client.query(`INSERT INTO "GeneratorState" (id, "updatedAt") VALUES (1, now()) ON CONFLICT (id) DO NOTHING`);
    const password = demoPassword();
    const users = await insertDemoUsers(client, password.value, ids.businessUnits);
    // Shown once, in the build or start log: a deployment's demo accounts never share the public password.
    if (users > 0 && password.generated)
      write(`demo accounts (${DEMO_USERS.map((user) => user.email).join(", ")}) password: ${password.value}`);
    await client.query("COMMIT");
    log("committed; analyzing");

    // Fresh statistics, so the first dashboard queries get good plans.
    await client.query(
      `ANALYZE "BusinessUnit", "Region", "Branch", "Salesperson", "Product", "Customer", "Sale", ${ROLLUP_TABLES.map((table) => `"${table}"`).join(", ")}, "User"`,
    );
    return {
      businessUnits: ids.businessUnits.size,
      regions: ids.regions.size,
      branches: ids.branches.size,
      salespeople: ids.salespeople.size,
      products: ids.products.size,
      customers: ids.customers.size,
      orders: copied.orders,
      sales: copied.lines,
      hourlyRollups: rollups.rows[0]?.hourly ?? 0,
      dailyRollups: rollups.rows[0]?.daily ?? 0,
      users,
      elapsedMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    // The connection may already be broken; the original error is the one that matters.
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    stopEnding();
    await client.end();
  }
}
