// `npm run bench:etl`: the pipeline on the shapes users have, in one throwaway embedded PostgreSQL.
//  1. Daily files into a big table: five skewed 100,000-line days (30 % walk-in, Zipf-like
//     products and stores) one after another into 5,000,000 lines, the last reloaded unchanged,
//     while the KPI snapshot is recomputed in a loop (its longest gap is the freshness users see).
//  2. The Python tool's own format: a dirty fluxcli file through the fluxcli preset, against
//     bench/fluxcli_peer.py (pandas + SQLite upsert) when python3-pandas is installed.
//  3. 1,000,000 skewed lines into an empty table.
//  4. 1,000,000 uniform lines into the small demo company, reloaded, against a naive Prisma upsert.
// Prints one table. BENCH_ETL_BIG_LINES / BENCH_ETL_ROWS shrink the big table and the 1M files.
import { execFileSync } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";

import { computeKpiSnapshot } from "../lib/kpis/compute-snapshot";
import { PRESETS } from "../lib/pipeline/mapping";
import { writeSampleFile, type SampleFileOptions } from "../lib/pipeline/sample-file";
import { bindDatabase } from "../lib/server/db";
import { ensureDatabase, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres";
import { applyMigrations } from "../scripts/lib/schema-engine";
import { runFile } from "../tests/helpers/run-file";
import { naiveUpsert } from "./naive-upsert";
import { runFluxcliPeer } from "./python-peer";

const BIG_LINES = Number(process.env.BENCH_ETL_BIG_LINES ?? 5_000_000);
const ROWS = Number(process.env.BENCH_ETL_ROWS ?? 1_000_000);
const DAILY_LINES = 100_000;
const DAILY_FILES = 5;
const NAIVE_ROWS = 5_000;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const rate = (rows: number, seconds: number) => Math.round(rows / seconds);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Peak resident set size of this process while `work` runs, sampled every 50 ms. */
async function measure<T>(work: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakMb: mb(Math.max(peak, process.memoryUsage().rss)) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Recomputes the all-units KPI snapshot every second (the app refreshes every few) until stopped;
 * the longest wait between two finished snapshots is the staleness users would see.
 */
function startSnapshotLoop() {
  let running = true;
  let last = performance.now();
  let longestGap = 0;
  let snapshots = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await computeKpiSnapshot({ key: "all", businessUnitId: null });
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      snapshots += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + 1_000 - now)));
    }
  })();
  return {
    async stop() {
      const gapAtStop = performance.now() - last;
      running = false;
      await loop;
      return { longestGap: Math.max(longestGap, gapAtStop) / 1000, snapshots };
    },
  };
}

interface Row {
  scenario: string;
  lines: number;
  seconds: number;
  linesPerSecond: number;
  peakMb: number;
  note: string;
}
const table: Row[] = [];
function record(scenario: string, lines: number, seconds: number, peakMb: number, note: string) {
  const row = { scenario, lines, seconds: Number(seconds.toFixed(2)), linesPerSecond: rate(lines, seconds), peakMb, note };
  table.push(row);
  console.log(`  ${scenario}: ${row.seconds} s, ${row.linesPerSecond.toLocaleString("en")} lines/s, peak RSS ${peakMb} MB ${note}`);
}

const port = await freePort();
// Under .data like the test clusters: the embedded server may not be allowed into a private tmp dir.
const dir = path.resolve(`.data/bench-etl-${port}`);
await mkdir(dir, { recursive: true });
const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port });
const sample = async (name: string, options: SampleFileOptions) => {
  const file = path.join(dir, name);
  await writeSampleFile(file, options);
  return file;
};
/** A database migrated and seeded with `lines` demo sales, in a child process. */
async function seededDatabase(name: string, lines: number) {
  const url = cluster.url(name);
  await ensureDatabase(url);
  if (lines === 0) await applyMigrations(url);
  else
    execFileSync(process.execPath, [...process.execArgv, path.join(import.meta.dirname, "seed-database.ts"), url, String(lines)], {
      stdio: "inherit",
    });
  return url;
}

try {
  // 1. Daily files into a big table.
  console.log(`daily files into ${BIG_LINES.toLocaleString("en")} lines (seeding…)`);
  const big = await seededDatabase("big", BIG_LINES);
  bindDatabase(big);
  const dailyTimes: number[] = [];
  let lastDaily = "";
  for (let day = 1; day <= DAILY_FILES; day += 1) {
    lastDaily = await sample(`daily-${day}.csv`, { lines: DAILY_LINES, skew: true, seed: day, lastDay: `2026-12-0${day}` });
    const snapshots = startSnapshotLoop();
    const { result: run, seconds, peakMb } = await measure(() => runFile(big, { file: lastDaily }));
    const { longestGap, snapshots: count } = await snapshots.stop();
    dailyTimes.push(seconds);
    record(
      `daily ${day} (skewed, new)`,
      run.rowsRead,
      seconds,
      peakMb,
      `inserted ${run.rowsInserted}, ${run.status}; KPI snapshot every ≤ ${longestGap.toFixed(1)} s (${count} during the load)`,
    );
  }
  const reload = await measure(() => runFile(big, { file: lastDaily }));
  record("daily 5 reloaded", reload.result.rowsRead, reload.seconds, reload.peakMb, `unchanged ${reload.result.rowsUnchanged}`);
  const stability = Math.max(...dailyTimes) / Math.min(...dailyTimes);
  console.log(`  plan stability: slowest / fastest daily load = ${stability.toFixed(2)}×`);

  // 2. The Python tool's format, side by side.
  console.log("fluxcli file, 10 % dirty, against pandas + SQLite");
  const small = await seededDatabase("small", 10_000);
  const flux = await sample("fluxcli.csv", { lines: DAILY_LINES, format: "fluxcli", dirty: 0.1, seed: 7, lastDay: "2026-12-01" });
  const ours = await measure(() => runFile(small, { file: flux }, { preset: "fluxcli", mapping: PRESETS.fluxcli }));
  record("fluxcli preset", ours.result.rowsRead, ours.seconds, ours.peakMb, `accepted ${ours.result.rowsValid}`);
  const peerDir = path.join(dir, "peer");
  await mkdir(peerDir);
  const peer = await runFluxcliPeer(flux, peerDir);
  if ("skipped" in peer) console.log(`  pandas + SQLite: skipped (${peer.skipped})`);
  else {
    record("pandas + SQLite peer", peer.rowsRead, peer.seconds, 0, `accepted ${peer.rowsAccepted}`);
    console.log(
      `  peer / ours: ${(peer.seconds / ours.seconds).toFixed(2)}× the time; accepted ${ours.result.rowsValid} vs ${peer.rowsAccepted}`,
    );
  }

  // 3. Skewed lines into an empty table.
  console.log(`${ROWS.toLocaleString("en")} skewed lines into an empty table`);
  const empty = await seededDatabase("empty", 0);
  const skewed = await sample("skewed.csv", { lines: ROWS, skew: true, days: 30, lastDay: "2026-11-30" });
  const intoEmpty = await measure(() => runFile(empty, { file: skewed }));
  record("1M skewed, empty table", intoEmpty.result.rowsRead, intoEmpty.seconds, intoEmpty.peakMb, intoEmpty.result.status);

  // 4. Uniform lines, the figures of earlier runs.
  console.log(`${ROWS.toLocaleString("en")} uniform lines into the small demo company`);
  const uniformDb = await seededDatabase("uniform", 10_000);
  const uniform = await sample("uniform.csv", { lines: ROWS, days: 30, lastDay: "2026-11-30" });
  const first = await measure(() => runFile(uniformDb, { file: uniform }));
  record("1M uniform, first load", first.result.rowsRead, first.seconds, first.peakMb, `inserted ${first.result.rowsInserted}`);
  const again = await measure(() => runFile(uniformDb, { file: uniform }));
  record("1M uniform, reload", again.result.rowsRead, again.seconds, again.peakMb, `unchanged ${again.result.rowsUnchanged}`);
  const naive = await measure(() => naiveUpsert(uniformDb, uniform, NAIVE_ROWS));
  record(
    "naive Prisma upsert",
    naive.result,
    naive.seconds,
    naive.peakMb,
    `set-based is ${(rate(first.result.rowsRead, first.seconds) / rate(naive.result, naive.seconds)).toFixed(0)}× faster`,
  );

  console.log();
  console.table(table);
} finally {
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}
