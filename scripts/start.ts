// `npm start` (production) and `npm run dev` (hot reload): database (embedded when
// DATABASE_URL is unset), migrations, demo data once, build when stale, then the app.
// Ctrl-C / SIGTERM stops everything it started.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

if (existsSync(".env")) process.loadEnvFile(".env");
process.env.NEXT_TELEMETRY_DISABLED = "1";

const dev = process.argv.includes("--dev");
const started = performance.now();
const log = (message: string) => console.log(`[pulseboard] ${message}`);

// Imported after .env is loaded: lib/server/env validates process.env once, at import.
const { env, authUrlSettings, defaultSecretsIn, shouldSeedDemoData } = await import("../lib/server/env");
const { openDatabase } = await import("./lib/with-database");
const { applyMigrations } = await import("./lib/schema-engine");
const { seedDemoData } = await import("../lib/seed/seed-demo-data");
const { hashBuildInputs, isBuildFresh, markBuildFresh } = await import("./lib/build-freshness");
const { startScheduler } = await import("./lib/scheduler");
const { startLocalRealtime } = await import("./lib/local-realtime");
const { listenForSales } = await import("./lib/listen-for-sales");

const stoppers: (() => Promise<void>)[] = [];
let app: ChildProcess | undefined;
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app?.once("exit", resolve));
    app.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  for (const stop of stoppers.reverse()) await stop().catch((error: unknown) => console.error(error));
  log("stopped");
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

function run(command: string, args: string[], childEnv: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [command, ...args], { stdio: "inherit", env: childEnv });
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

async function waitForHealth(url: string) {
  for (;;) {
    const healthy = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy || stopping) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

try {
  const database = await openDatabase();
  stoppers.push(database.stop);
  log(database.embedded ? `embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_PG_PORT}` : "using DATABASE_URL");

  const applied = await applyMigrations(database.url);
  if (applied.length > 0) log(`applied migrations: ${applied.join(", ")}`);

  // Runs and temporary files a crashed or killed app left behind.
  const { cleanUpPipelineLeftovers } = await import("../lib/pipeline/leftovers");
  const { failedRuns, removedFiles } = await cleanUpPipelineLeftovers(database.url);
  if (failedRuns.length + removedFiles.length > 0)
    log(`failed abandoned runs [${failedRuns.join(", ")}]; removed ${removedFiles.length} stale temporary file(s)`);

  const seeded = shouldSeedDemoData(env) ? await seedDemoData(database.url, { log }) : null;
  if (seeded) log(`seeded demo data in ${(seeded.elapsedMs / 1000).toFixed(1)} s`);

  const realtime = await startLocalRealtime(log);
  if (realtime) stoppers.push(realtime.close);

  const nextBin = "node_modules/next/dist/bin/next";
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    PULSEBOARD_EMBEDDED: database.embedded ? "1" : "0",
    // This process listens for the sales triggers and refreshes the KPIs on each change; the app need not.
    KPI_REFRESH_ON_WRITE: "false",
    ...authUrlSettings(env, database.embedded),
    PORT: String(env.PORT),
  };
  // Local mode, or any default secret, binds to the loopback interface only: a forged session or cron call
  // must not be one network hop away.
  const defaults = defaultSecretsIn(env);
  const hostname = database.embedded || defaults.length > 0 ? "127.0.0.1" : "0.0.0.0";
  if (!database.embedded && defaults.length > 0)
    log(`listening on 127.0.0.1 only: ${defaults.join(", ")} still have their public defaults`);

  if (!dev) {
    const hash = await hashBuildInputs();
    if (!(await isBuildFresh(hash))) {
      log("building the production bundle…");
      const code = await waitForExit(run(nextBin, ["build"], { ...appEnv, NODE_ENV: "production" }));
      if (code !== 0) throw new Error(`next build failed (exit ${code})`);
      // Hashed again: next build may rewrite inputs such as tsconfig.json.
      await markBuildFresh(await hashBuildInputs());
    }
  }

  app = run(nextBin, [dev ? "dev" : "start", "--port", String(env.PORT), "--hostname", hostname], appEnv);
  app.once("exit", (code) => void stopAll(code ?? 1));
  const appUrl = `http://127.0.0.1:${env.PORT}`;
  await waitForHealth(`${appUrl}/api/health`);
  const kpiJob = { path: "/api/cron/refresh-kpis", everyMs: env.KPI_REFRESH_SECONDS * 1000 };
  // The invoice generator ticks every 200 ms; each tick inserts exactly what is due.
  const invoiceJob = { path: "/api/cron/tick-invoices", everyMs: 200 };
  const sourcesJob = { path: "/api/cron/poll-sources", everyMs: 60_000 };
  const noticesJob = { path: "/api/cron/sweep-notices", everyMs: 60_000 };
  const scheduler = startScheduler(appUrl, env.CRON_SECRET, [kpiJob, invoiceJob, sourcesJob, noticesJob], log);
  stoppers.push(() => Promise.resolve(scheduler.stop()));
  stoppers.push(await listenForSales(database.url, () => scheduler.poke(kpiJob.path)));
  log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s on http://localhost:${env.PORT}`);
} catch (error) {
  console.error(`[pulseboard] ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}
