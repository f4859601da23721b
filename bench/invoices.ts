// `npm run bench:invoices [-- --rate 1000 --seconds 60 --clients 200 --processes 2]`
// The live invoice stream under load: the generator ticks every 200 ms (as the local worker does)
// into its own embedded PostgreSQL (migrated, small demo seed), and every tick is broadcast through
// an embedded realtime server to pusher-js clients on private-invoices and the unit channels.
// Prints the achieved rate, the database write time per tick, created-to-received latency (from the
// tick's commit to a client's receipt) and invoices lost. Clients run in child processes, so their
// JSON parsing does not share an event loop with the publisher.
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { register } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";

import Pusher from "pusher";
import type PusherClient from "pusher-js";

import { createSignedClient } from "../tests/helpers/signed-pusher-client";

const TARGET_P95_MS = 100;
const TICK_MS = 200;
const CONNECT_WAVE = 50;
const DRAIN_TIMEOUT_MS = 15_000;
const ROOT = path.resolve(import.meta.dirname, "..");
const APP = { id: "pulseboard", key: "pulseboard-key", secret: "pulseboard-secret" } as const;
const EVENT = "invoices.created";

const { values: flags } = parseArgs({
  options: {
    rate: { type: "string", default: "1000" },
    seconds: { type: "string", default: "60" },
    clients: { type: "string", default: "200" },
    processes: { type: "string", default: "2" },
    "seed-lines": { type: "string", default: "20000" },
    // Internal: set when this file runs as a client process.
    client: { type: "string" },
    port: { type: "string" },
    first: { type: "string" },
    count: { type: "string" },
  },
});

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
const wallNow = () => performance.timeOrigin + performance.now();

/** Client i listens where a real audience would: half on the all-units channel, a quarter on each unit's. */
const channelOf = (index: number) =>
  ["private-invoices", "private-invoices", "private-invoices-bu-orglight", "private-invoices-bu-perfil"][index % 4]!;

type FromClients =
  | { type: "ready" }
  | {
      type: "report";
      /** Per received event: its first invoice id, its invoice count, when it arrived (wall ms). */
      firstIds: Int32Array;
      counts: Int32Array;
      receivedAt: Float64Array;
      perClient: { channel: string; invoices: number }[];
      refetches: number;
      outOfOrder: number;
    };

// ---------------------------------------------------------------------------------------------
// Client process: `count` pusher-js clients, reporting what they received when told to.

async function runClients(port: number, first: number, count: number) {
  const signer = new Pusher({ appId: APP.id, key: APP.key, secret: APP.secret, host: "127.0.0.1", port: String(port) });
  const capacity = 1 << 16;
  let firstIds = new Int32Array(capacity);
  let counts = new Int32Array(capacity);
  let receivedAt = new Float64Array(capacity);
  let events = 0;
  let refetches = 0;
  let outOfOrder = 0;
  const perClient: { channel: string; invoices: number }[] = [];
  const clients: PusherClient[] = [];

  const record = (firstId: number, invoices: number, at: number) => {
    if (events === firstIds.length) {
      const grow = <T extends Int32Array | Float64Array>(array: T, Type: new (length: number) => T) => {
        const bigger = new Type(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      firstIds = grow(firstIds, Int32Array);
      counts = grow(counts, Int32Array);
      receivedAt = grow(receivedAt, Float64Array);
    }
    firstIds[events] = firstId;
    counts[events] = invoices;
    receivedAt[events] = at;
    events += 1;
  };

  for (let wave = 0; wave < count; wave += CONNECT_WAVE) {
    const subscriptions: Promise<unknown>[] = [];
    for (let local = wave; local < Math.min(wave + CONNECT_WAVE, count); local++) {
      const client = createSignedClient(APP.key, port, signer);
      clients.push(client);
      const stats = { channel: channelOf(first + local), invoices: 0 };
      perClient.push(stats);
      const channel = client.subscribe(stats.channel);
      let lastSeq = 0;
      channel.bind(EVENT, (message: { seq: number; refetch?: true; data?: { invoices: { id: number }[] } }) => {
        const at = wallNow();
        if (message.seq <= lastSeq) outOfOrder += 1;
        lastSeq = message.seq;
        if (message.refetch || !message.data) {
          refetches += 1;
          return;
        }
        const invoices = message.data.invoices;
        if (invoices.length === 0) return;
        stats.invoices += invoices.length;
        record(invoices[0]!.id, invoices.length, at);
      });
      subscriptions.push(new Promise((resolve) => channel.bind("pusher:subscription_succeeded", resolve)));
    }
    await Promise.all(subscriptions);
  }
  process.send?.({ type: "ready" } satisfies FromClients);
  process.on("message", (expected: Record<string, number>) => {
    const total = () => perClient.reduce((sum, client) => sum + client.invoices, 0);
    const wanted = perClient.reduce((sum, client) => sum + (expected[client.channel] ?? 0), 0);
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    const finish = () => {
      if (total() < wanted && Date.now() < deadline) return void setTimeout(finish, 50);
      const report: FromClients = {
        type: "report",
        firstIds: firstIds.slice(0, events),
        counts: counts.slice(0, events),
        receivedAt: receivedAt.slice(0, events),
        perClient,
        refetches,
        outOfOrder,
      };
      process.send?.(report, () => {
        for (const client of clients) client.disconnect();
        process.exit(0);
      });
    };
    finish();
  });
}

// ---------------------------------------------------------------------------------------------
// Main process: database, realtime server, generator, ticks, report.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

function startClients(port: number, first: number, count: number): Promise<{ child: ChildProcess; report: Promise<FromClients> }> {
  const args = [
    "--import",
    "tsx",
    "bench/invoices.ts",
    "--client",
    "1",
    "--port",
    String(port),
    "--first",
    String(first),
    "--count",
    String(count),
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit", "ipc"], serialization: "advanced" });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`client process exited early (${code})`)));
    const report = new Promise<FromClients>((settle) =>
      child.on("message", (message: FromClients) => message.type === "report" && settle(message)),
    );
    child.on("message", (message: FromClients) => {
      if (message.type === "ready") {
        child.removeAllListeners("exit");
        resolve({ child, report });
      }
    });
  });
}

function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Percentile of values each standing for `weight` deliveries. */
function weightedPercentile(values: Float64Array, weights: Float64Array, p: number): number {
  const order = [...values.keys()].sort((a, b) => values[a]! - values[b]!);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let seen = 0;
  for (const index of order) {
    seen += weights[index]!;
    if (seen >= (p / 100) * total) return values[index]!;
  }
  return Number.NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<number> {
  const rate = Number(flags.rate);
  const seconds = Number(flags.seconds);
  const clientCount = Number(flags.clients);
  const processes = Math.max(0, Math.min(Number(flags.processes), clientCount));
  const log = (line: string) => console.log(`[bench:invoices] ${line}`);

  const [pgPort, realtimePort] = await Promise.all([freePort(), freePort()]);
  const dataDir = path.join(ROOT, `.data/bench-invoices-${pgPort}`);
  // lib/server/env and the pusher client read the environment once, at import: point them here first.
  Object.assign(process.env, {
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(realtimePort),
    PUSHER_APP_ID: APP.id,
    PUSHER_KEY: APP.key,
    PUSHER_SECRET: APP.secret,
    PUSHER_USE_TLS: "false",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  // The app's server modules guard themselves with `server-only`, which only resolves inside React
  // Server Components; here it resolves to an empty module.
  const hook = `export async function resolve(specifier, context, next) {
    return specifier === "server-only" ? { url: "data:text/javascript,export{}", shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);

  const { startEmbeddedPostgres, ensureDatabase } = await import("../scripts/lib/embedded-postgres");
  await rm(dataDir, { recursive: true, force: true });
  const cluster = await startEmbeddedPostgres({ dataDir, port: pgPort });
  const url = cluster.url("pulseboard_bench");
  process.env.DATABASE_URL = url;
  const { applyMigrations } = await import("../scripts/lib/schema-engine");
  const { seedDemoData } = await import("../lib/seed/seed-demo-data");
  const { createRealtimeServer } = await import("../realtime/create-realtime-server");

  const children: ChildProcess[] = [];
  let realtime: Awaited<ReturnType<typeof createRealtimeServer>> | undefined;
  try {
    await ensureDatabase(url);
    await applyMigrations(url);
    const seeded = await seedDemoData(url, { lines: Number(flags["seed-lines"]) });
    log(
      `embedded PostgreSQL on ${pgPort}, seeded ${seeded?.sales.toLocaleString("en")} sales in ${((seeded?.elapsedMs ?? 0) / 1000).toFixed(1)} s`,
    );

    realtime = await createRealtimeServer({ port: realtimePort, host: "127.0.0.1", apps: [{ ...APP, enableClientEvents: false }] });
    log(`embedded realtime server on ${realtimePort}`);

    const { db } = await import("../lib/server/db");
    const { startGenerator } = await import("../lib/invoices/controls");
    const { tickInvoices } = await import("../lib/invoices/tick-invoices");
    const { getInvoiceStats } = await import("../lib/invoices/stats");

    const perProcess = Math.ceil(clientCount / processes);
    const groups = await Promise.all(
      Array.from({ length: processes }, (_, index) => {
        const first = index * perProcess;
        return startClients(realtimePort, first, Math.max(0, Math.min(perProcess, clientCount - first)));
      }),
    );
    children.push(...groups.map((group) => group.child));
    log(`${clientCount} pusher-js clients subscribed in ${processes} processes`);

    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@pulseboard.local" } });
    const started = wallNow();
    await startGenerator(admin, { ratePerSecond: rate, durationSeconds: seconds });
    log(`generating ${rate.toLocaleString("en")} invoices/s for ${seconds} s…`);

    const writeMs: number[] = [];
    // From commit until the realtime server accepted the batch (sequence numbers, HTTP publish).
    const publishMs: number[] = [];
    // Commit time (wall ms) of each tick, by its first invoice id; a tick's ids are consecutive.
    const ticks: { firstId: number; lastId: number; committedAt: number }[] = [];
    const expected: Record<string, number> = {};
    const units = new Map((await db.businessUnit.findMany()).map((unit) => [unit.name, unit.slug]));
    let state = "RUNNING";
    let produced = 0;
    let lastCommit = started;
    while (state === "RUNNING") {
      const tickStart = wallNow();
      const result = await tickInvoices();
      state = result.state;
      produced = result.produced;
      if (result.inserted > 0) {
        writeMs.push(result.writeMs);
        publishMs.push(performance.now() - result.committedAt);
        lastCommit = performance.timeOrigin + result.committedAt;
        const ids = result.invoices.map((invoice) => invoice.id);
        ticks.push({ firstId: Math.min(...ids), lastId: Math.max(...ids), committedAt: lastCommit });
        expected["private-invoices"] = (expected["private-invoices"] ?? 0) + result.invoices.length;
        for (const invoice of result.invoices) {
          const channel = `private-invoices-bu-${units.get(invoice.businessUnit)}`;
          expected[channel] = (expected[channel] ?? 0) + 1;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, TICK_MS - (wallNow() - tickStart))));
    }
    const elapsedSeconds = (lastCommit - started) / 1000;

    for (const group of groups) group.child.send(expected);
    const reports = (await Promise.all(groups.map((group) => group.report))).filter((report) => report.type === "report");

    // Latency per delivered invoice: the receiving time of its event minus its tick's commit.
    ticks.sort((a, b) => a.firstId - b.firstId);
    const commitOf = (id: number) => {
      let low = 0;
      let high = ticks.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if (ticks[middle]!.firstId <= id) low = middle;
        else high = middle - 1;
      }
      return ticks[low]!.committedAt;
    };
    const eventCount = reports.reduce((sum, report) => sum + report.firstIds.length, 0);
    const latencies = new Float64Array(eventCount);
    const weights = new Float64Array(eventCount);
    let index = 0;
    for (const report of reports) {
      for (let event = 0; event < report.firstIds.length; event++) {
        latencies[index] = report.receivedAt[event]! - commitOf(report.firstIds[event]!);
        weights[index] = report.counts[event]!;
        index += 1;
      }
    }
    const delivered = reports.reduce((sum, report) => sum + report.perClient.reduce((total, client) => total + client.invoices, 0), 0);
    const owed = reports.reduce(
      (sum, report) => sum + report.perClient.reduce((total, client) => total + (expected[client.channel] ?? 0), 0),
      0,
    );
    const lost = reports.reduce(
      (sum, report) =>
        sum + report.perClient.reduce((total, client) => total + Math.max(0, (expected[client.channel] ?? 0) - client.invoices), 0),
      0,
    );
    const refetches = reports.reduce((sum, report) => sum + report.refetches, 0);
    const outOfOrder = reports.reduce((sum, report) => sum + report.outOfOrder, 0);

    const [check] = await db.$queryRaw<{ invoices: number; numbers: number; sales: number; lines: number }[]>`
      SELECT (SELECT count(*)::int FROM "Invoice" WHERE source = 'SIMULATOR') AS invoices,
             (SELECT count(DISTINCT (series, number))::int FROM "Invoice" WHERE source = 'SIMULATOR') AS numbers,
             (SELECT count(*)::int FROM "Sale" WHERE source = 'SIMULATOR') AS sales,
             (SELECT count(*)::int FROM "InvoiceLine") AS lines`;
    const stats = await getInvoiceStats({ businessUnitId: null });
    const sortedWrites = [...writeMs].sort((a, b) => a - b);
    const sortedPublishes = [...publishMs].sort((a, b) => a - b);
    const p95 = weightedPercentile(latencies, weights, 95);

    console.log("");
    console.log(`invoice stream benchmark: ${rate.toLocaleString("en")}/s for ${seconds} s, ${clientCount} clients`);
    console.log(`  invoices produced         ${produced.toLocaleString("en")} (expected ${(rate * seconds).toLocaleString("en")})`);
    console.log(`  achieved rate             ${(produced / elapsedSeconds).toFixed(0)} invoices/s over ${elapsedSeconds.toFixed(1)} s`);
    console.log(`  ticks with invoices       ${writeMs.length} (every ${TICK_MS} ms)`);
    console.log(
      `  DB write per tick         p50 ${ms(percentile(sortedWrites, 50))}, p95 ${ms(percentile(sortedWrites, 95))}, max ${ms(sortedWrites.at(-1) ?? Number.NaN)}`,
    );
    console.log(`  commit → published        p50 ${ms(percentile(sortedPublishes, 50))}, p95 ${ms(percentile(sortedPublishes, 95))}`);
    console.log(
      `  created → received        p50 ${ms(weightedPercentile(latencies, weights, 50))}, p95 ${ms(p95)}, p99 ${ms(weightedPercentile(latencies, weights, 99))} (target p95 ≤ ${TARGET_P95_MS} ms)`,
    );
    console.log(`  deliveries                ${delivered.toLocaleString("en")} of ${owed.toLocaleString("en")} (invoice × subscriber)`);
    console.log(
      `  invoices lost             ${lost.toLocaleString("en")} (target 0); refetch signals ${refetches}; out of order ${outOfOrder}`,
    );
    console.log(
      `  database check            ${check?.invoices.toLocaleString("en")} invoices, ${check?.numbers.toLocaleString("en")} distinct numbers, ` +
        `${check?.sales.toLocaleString("en")} sales = ${check?.lines.toLocaleString("en")} lines; stats count ${stats.count.toLocaleString("en")}`,
    );
    const pass =
      lost === 0 && p95 <= TARGET_P95_MS && produced === rate * seconds && check?.invoices === produced && stats.count === produced;
    console.log(`  result                    ${pass ? "PASS" : "FAIL"}`);
    await db.$disconnect();
    return pass ? 0 : 1;
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    await realtime?.close();
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with code 0.
if (flags.client) await runClients(Number(flags.port), Number(flags.first), Number(flags.count));
else process.exit(await main());
