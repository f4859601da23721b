// `npm run bench:etl`: a 1,000,000-row canonical daily file loaded into a throwaway embedded
// PostgreSQL (seeded with a small demo company), then reloaded (all unchanged), against
// a naive row-by-row Prisma upsert of 20,000 rows. Prints rows/s and peak RSS.
import { mkdir, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";

import { writeSampleFile } from "../lib/pipeline/sample-file";
import { seedDemoData } from "../lib/seed/seed-demo-data";
import { ensureDatabase, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres";
import { applyMigrations } from "../scripts/lib/schema-engine";
import { runFile } from "../tests/helpers/run-file";
import { naiveUpsert } from "./naive-upsert";

const ROWS = Number(process.env.BENCH_ETL_ROWS ?? 1_000_000);
const NAIVE_ROWS = 20_000;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

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
    return { result, seconds: (performance.now() - started) / 1000, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

const port = await freePort();
// Under .data like the test clusters: the embedded server may not be allowed into a private tmp dir.
const dir = path.resolve(`.data/bench-etl-${port}`);
await mkdir(dir, { recursive: true });
const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port });
try {
  const url = cluster.url("bench");
  await ensureDatabase(url);
  await applyMigrations(url);
  await seedDemoData(url, { lines: 10_000 });
  const file = path.join(dir, "sales.csv");
  await writeSampleFile(file, { lines: ROWS });
  const load = () => runFile(url, { file }, { echo: (line) => console.log(`  ${line}`) });
  const first = await measure(load);
  const second = await measure(load);
  const naive = await measure(() => naiveUpsert(url, file, NAIVE_ROWS));
  const rate = (rows: number, seconds: number) => Math.round(rows / seconds);
  const firstRate = rate(first.result.rowsRead, first.seconds);
  const naiveRate = rate(naive.result, naive.seconds);
  console.log(`rows: ${ROWS.toLocaleString("en")}`);
  console.log(
    `first load:  ${first.seconds.toFixed(2)} s, ${firstRate.toLocaleString("en")} rows/s, peak RSS ${mb(first.peak)} (inserted ${first.result.rowsInserted}, ${first.result.status})`,
  );
  console.log(
    `reload:      ${second.seconds.toFixed(2)} s, ${rate(second.result.rowsRead, second.seconds).toLocaleString("en")} rows/s, peak RSS ${mb(second.peak)} (unchanged ${second.result.rowsUnchanged})`,
  );
  console.log(
    `naive Prisma upsert: ${NAIVE_ROWS.toLocaleString("en")} rows in ${naive.seconds.toFixed(1)} s, ${naiveRate.toLocaleString("en")} rows/s`,
  );
  console.log(`set-based / naive: ${(firstRate / naiveRate).toFixed(1)}×`);
} finally {
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}
