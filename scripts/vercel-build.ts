// Vercel's build (`npm run vercel-build`): check the database belongs to this environment,
// migrate with the project's own WASM migrator (no engine download, so it runs offline too),
// mark the database, seed demo data on previews (a generated password, printed once), build.
import { spawnSync } from "node:child_process";

import { buildEnvironment, prepareDeploymentDatabase } from "./lib/deployment-environment";

const log = (message: string) => console.log(`[vercel-build] ${message}`);

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("[vercel-build] DATABASE_URL is not set: add it to the project's environment variables (Production and Preview).");
  process.exit(1);
}
const environment = buildEnvironment();
try {
  const applied = await prepareDeploymentDatabase(databaseUrl, environment);
  log(`${environment} database: ${applied.length ? `applied ${applied.join(", ")}` : "migrations up to date"}`);
} catch (error) {
  console.error(`[vercel-build] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// Previews seed unless told not to; production only when asked (SEED_DEMO_DATA=true).
const seed = process.env.SEED_DEMO_DATA ? process.env.SEED_DEMO_DATA === "true" : environment === "preview";
if (seed) {
  // Imported here: lib/server/env validates the environment (real secrets outside local mode) at import.
  const { seedDemoData } = await import("../lib/seed/seed-demo-data");
  const seeded = await seedDemoData(databaseUrl, { log });
  log(seeded ? `seeded demo data in ${(seeded.elapsedMs / 1000).toFixed(1)} s` : "demo data already there");
}

const { status } = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
process.exit(status ?? 1);
