// The app as a deployment runs it, for the `hosted` Playwright project: a PostgreSQL the app
// does not start, prepared by the Vercel build's own steps (environment guard, migrations, a
// preview's demo seed), then `next start` of the suite's production build with NODE_ENV=production,
// real secrets and a separately started realtime server configured like a hosted Pusher app.
// No scheduler and no trigger listener: crons come only over HTTP, KPIs move because writers publish.
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";

import { BASE_URL, HOSTED } from "../../playwright.config";
import { prepareDeploymentDatabase } from "../../scripts/lib/deployment-environment";
import { ensureDatabase, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

const dataDir = path.resolve(".data/e2e-hosted");
await rm(dataDir, { recursive: true, force: true });
const database = await startEmbeddedPostgres({ dataDir, port: HOSTED.pgPort, unsafeFast: true });
const databaseUrl = database.url("pulseboard");
await ensureDatabase(databaseUrl);
await prepareDeploymentDatabase(databaseUrl, "preview");

const appEnv: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-e2e",
  PORT: String(HOSTED.port),
  DATABASE_URL: databaseUrl,
  ...HOSTED.secrets,
  DEMO_PASSWORD: HOSTED.demoPassword,
  PUSHER_APP_ID: HOSTED.pusher.appId,
  PUSHER_KEY: HOSTED.pusher.key,
  PUSHER_HOST: "127.0.0.1",
  PUSHER_PORT: String(HOSTED.pusher.port),
  PUSHER_USE_TLS: "false",
  EMBEDDED_REALTIME: "false",
  NEXTAUTH_URL: HOSTED.baseUrl,
  LOG_LEVEL: "warn",
};

// A preview build seeds the demo accounts with the password it is given (else a generated one).
const seed = spawn(process.execPath, ["--import", "tsx", "scripts/seed.ts", "--lines", "5000"], { stdio: "inherit", env: appEnv });
const seeded = await new Promise<number>((resolve) => seed.once("exit", (code) => resolve(code ?? 1)));
if (seeded !== 0) throw new Error(`seeding the hosted database failed (${seeded})`);

// The suite's build is made by the main app's start; serve it once it is up.
for (;;) {
  const up = await fetch(`${BASE_URL}/api/health`).then(
    (response) => response.ok,
    () => false,
  );
  if (up) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}
const app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(HOSTED.port), "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: appEnv,
});

async function stop() {
  app.kill("SIGTERM");
  await database.stop();
  process.exit(0);
}
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
app.once("exit", (code) => {
  console.error(`hosted app exited (${code})`);
  void database.stop().then(() => process.exit(1));
});
