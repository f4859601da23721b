// `npm run bench:realtime [-- --clients 1000 --rate 200 --seconds 30 --channels 10 --processes 2]`
// Load test of the embedded realtime server: pusher-js clients on private channels receive events
// published through the HTTP API with the `pusher` package; each event carries its channel sequence
// number and send time. The server (scripts/realtime.ts) and the clients run in child processes, so
// the server's CPU and RSS come from its health endpoint, unmixed with the load generator's.
import { spawn, type ChildProcess } from "node:child_process";
import { Agent } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";

import Pusher from "pusher";
import type PusherClient from "pusher-js";

import { env } from "../lib/server/env";
import { createSignedClient } from "../tests/helpers/signed-pusher-client";

const TARGET_P95_MS = 50;
const TARGET_RSS_MB = 300;
const CONNECT_WAVE = 100;
const DRAIN_TIMEOUT_MS = 10_000;
const ROOT = path.resolve(import.meta.dirname, "..");

const { values: flags } = parseArgs({
  options: {
    clients: { type: "string", default: "1000" },
    rate: { type: "string", default: "200" },
    seconds: { type: "string", default: "30" },
    channels: { type: "string", default: "10" },
    // pusher-js costs far more CPU per message than the server; spreading clients keeps them from being the bottleneck.
    processes: { type: "string", default: "2" },
    // Benchmark a server already listening there (for profiling it) instead of starting one.
    port: { type: "string" },
    // Internal: set when this file runs as a client process.
    first: { type: "string" },
  },
});
const clientCount = Number(flags.clients);
const channelCount = Math.min(Number(flags.channels), clientCount);
const channels = Array.from({ length: channelCount }, (_, index) => `private-bench-${index}`);

type ToClients = { type: "published"; counts: number[] };
type FromClients =
  | { type: "ready" }
  | { type: "report"; latencies: Float64Array; received: number; expected: number; outOfOrder: number; cpuSeconds: number };

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
const now = () => performance.timeOrigin + performance.now();

function createPublisher(port: number): Pusher {
  const credentials = { appId: env.PUSHER_APP_ID, key: env.PUSHER_KEY, secret: env.PUSHER_SECRET };
  return new Pusher({ ...credentials, host: "127.0.0.1", port: String(port), agent: new Agent({ keepAlive: true }) });
}

/** Client process: `count` pusher-js clients from index `first`, reporting when told what was published. */
async function runClients(port: number, first: number, count: number): Promise<void> {
  const signer = createPublisher(port);
  const latencies = new Float64Array(count * Math.ceil((Number(flags.rate) * Number(flags.seconds)) / channelCount + 1));
  let latencyCount = 0;
  let outOfOrder = 0;
  const received = new Uint32Array(count);
  const clients: PusherClient[] = [];
  for (let wave = 0; wave < count; wave += CONNECT_WAVE) {
    const subscriptions = [];
    for (let local = wave; local < Math.min(wave + CONNECT_WAVE, count); local++) {
      const client = createSignedClient(env.PUSHER_KEY, port, signer);
      clients.push(client);
      const channel = client.subscribe(channels[(first + local) % channelCount] ?? "");
      let lastSeq = -1;
      channel.bind("tick", (data: { seq: number; sentAt: number }) => {
        if (latencyCount < latencies.length) latencies[latencyCount++] = now() - data.sentAt;
        received[local] = (received[local] ?? 0) + 1;
        if (data.seq <= lastSeq) outOfOrder += 1;
        lastSeq = data.seq;
      });
      subscriptions.push(new Promise((resolve) => channel.bind("pusher:subscription_succeeded", resolve)));
    }
    await Promise.all(subscriptions);
  }
  const cpuAtStart = process.cpuUsage();
  process.send?.({ type: "ready" } satisfies FromClients);
  const report = async (message: ToClients) => {
    const expectedOf = (local: number) => message.counts[(first + local) % channelCount] ?? 0;
    const expected = clients.reduce((sum, _client, local) => sum + expectedOf(local), 0);
    const total = () => received.reduce((sum, value) => sum + value, 0);
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (total() < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const { user, system } = process.cpuUsage(cpuAtStart);
    const latencySlice = latencies.slice(0, latencyCount);
    const summary: FromClients = {
      type: "report",
      latencies: latencySlice,
      received: total(),
      expected,
      outOfOrder,
      cpuSeconds: (user + system) / 1e6,
    };
    process.send?.(summary, () => {
      for (const client of clients) client.disconnect();
      process.exit(0);
    });
  };
  process.on("message", (message: ToClients) => void report(message));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

/** Runs a TypeScript entry point in a child process; resolves once it prints `ready` (or sends it). */
function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: (child: ChildProcess, resolve: () => void) => void,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    serialization: "advanced",
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${args[0]} exited early (${code})`)));
    ready(child, () => resolve(child));
  });
}

interface Health {
  rssBytes: number;
  cpuMicros: { user: number; system: number };
  connections: number;
  slowConsumersDropped: number;
}

/** The server's process figures: its health endpoint tells them only to a signed request. */
async function readHealth(port: number): Promise<Health> {
  const query = createPublisher(port).createSignedQueryString({ method: "GET", path: "/health" });
  return (await (await fetch(`http://127.0.0.1:${port}/health?${query}`)).json()) as Health;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function runBenchmark(): Promise<void> {
  const rate = Number(flags.rate);
  const seconds = Number(flags.seconds);
  const processes = Math.max(1, Math.min(Number(flags.processes), clientCount));
  const port = flags.port === undefined ? await freePort() : Number(flags.port);
  const server =
    flags.port === undefined
      ? await startChild(
          ["scripts/realtime.ts"],
          // Every simulated client connects from 127.0.0.1.
          { ...process.env, PUSHER_HOST: "127.0.0.1", PUSHER_PORT: String(port), REALTIME_MAX_CONNECTIONS_PER_ADDRESS: "1000000" },
          (child, resolve) => child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve()),
        )
      : undefined;

  console.log(`connecting ${clientCount} clients (${processes} processes) to ${channelCount} private channels on port ${port}…`);
  const connectStart = performance.now();
  const share = Math.ceil(clientCount / processes);
  const groups = await Promise.all(
    Array.from({ length: processes }, (_, group) => {
      const first = group * share;
      const args = [path.relative(ROOT, import.meta.filename), ...process.argv.slice(2), "--first", String(first)];
      if (flags.port === undefined) args.push("--port", String(port));
      const count = Math.min(share, clientCount - first);
      return startChild([...args, "--clients", String(count)], process.env, (child, resolve) =>
        child.on("message", (message: FromClients) => message.type === "ready" && resolve()),
      );
    }),
  );
  console.log(`connected in ${Math.round(performance.now() - connectStart)} ms; publishing ${rate} events/s for ${seconds} s…`);

  const publisher = createPublisher(port);
  const published = new Array<number>(channelCount).fill(0);
  // One request at a time per channel, so the per-channel sequence reaches the server in order.
  const chains = channels.map(() => Promise.resolve());
  let publishErrors = 0;
  let peakRss = 0;
  const before = await readHealth(port);
  const sampler = setInterval(
    () =>
      void readHealth(port).then(
        (health) => (peakRss = Math.max(peakRss, health.rssBytes)),
        () => undefined,
      ),
    1000,
  );
  const start = performance.now();
  const total = Math.round(rate * seconds);
  let sent = 0;
  // Catch up on every tick to whatever the schedule says is due, so timer jitter does not lower the rate.
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
    for (; sent < due; sent++) {
      const index = sent % channelCount;
      const seq = published[index] ?? 0;
      published[index] = seq + 1;
      chains[index] = (chains[index] ?? Promise.resolve())
        .then(() => publisher.trigger(channels[index] ?? "", "tick", { seq, sentAt: now() }))
        .then(
          () => undefined,
          () => void (publishErrors += 1),
        );
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(chains);
  const publishSeconds = (performance.now() - start) / 1000;
  const after = await readHealth(port);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, after.rssBytes);

  const reports = await Promise.all(
    groups.map(
      (child) =>
        new Promise<Extract<FromClients, { type: "report" }>>((resolve) => {
          child.on("message", (message: FromClients) => message.type === "report" && resolve(message));
          child.send({ type: "published", counts: published } satisfies ToClients);
        }),
    ),
  );
  server?.kill("SIGTERM");

  const latencies = new Float64Array(reports.reduce((sum, report) => sum + report.latencies.length, 0));
  reports.reduce((offset, report) => (latencies.set(report.latencies, offset), offset + report.latencies.length), 0);
  latencies.sort();
  const delivered = reports.reduce((sum, report) => sum + report.received, 0);
  const expected = reports.reduce((sum, report) => sum + report.expected, 0);
  const outOfOrder = reports.reduce((sum, report) => sum + report.outOfOrder, 0);
  const cpuSeconds = (after.cpuMicros.user + after.cpuMicros.system - before.cpuMicros.user - before.cpuMicros.system) / 1e6;
  const p95 = percentile(latencies, 95);
  const lost = expected - delivered;
  const rssMb = peakRss / 1_048_576;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");
  console.log(`
published   ${sent} events in ${publishSeconds.toFixed(1)} s (${(sent / publishSeconds).toFixed(0)}/s), ${publishErrors} failed
delivered   ${delivered} of ${expected}; lost ${lost}; out of order ${outOfOrder}
latency     p50 ${ms(percentile(latencies, 50))}  p95 ${ms(p95)}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies[latencies.length - 1] ?? 0)}
server CPU  ${cpuSeconds.toFixed(1)} s = ${((cpuSeconds / publishSeconds) * 100).toFixed(0)}% of one core while publishing
clients CPU ${reports.reduce((sum, report) => sum + report.cpuSeconds, 0).toFixed(1)} s in ${processes} pusher-js processes (the load generator, for comparison)
server RSS  peak ${rssMb.toFixed(0)} MB with ${after.connections} connections (${after.slowConsumersDropped} slow consumers dropped)
targets     p95 ≤ ${TARGET_P95_MS} ms: ${verdict(p95 <= TARGET_P95_MS)}; nothing lost: ${verdict(lost === 0 && publishErrors === 0)}; RSS ≤ ${TARGET_RSS_MB} MB: ${verdict(rssMb <= TARGET_RSS_MB)}`);
  process.exitCode = p95 <= TARGET_P95_MS && lost === 0 && publishErrors === 0 && rssMb <= TARGET_RSS_MB ? 0 : 1;
}

if (flags.first === undefined) await runBenchmark();
else await runClients(Number(flags.port), Number(flags.first), clientCount);
