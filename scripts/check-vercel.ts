// `npm run check:vercel`: builds the app as Vercel does (`vercel build`, offline, with the
// repository's vercel.json and its `vercel-build` command) against a throwaway embedded
// database, then checks the build output: the crons, one pinned Node runtime, lean functions
// (sizes printed; no test, e2e, bench, script or local-data file) and the long routes' maxDuration.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";

import { ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres";

const OUTPUT = ".vercel/output";
const MAX_FUNCTION_MB = 50;
const RUNTIME = `nodejs${(JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } }).engines.node}`;
// Routes whose work may outlast a default function: uploads, inbox and reprocess loads, remote polls, crons.
const LONG_ROUTES = [
  "api/v1/pipeline/runs",
  "api/v1/pipeline/inbox",
  "api/v1/quarantine/[id]/reprocess",
  "api/v1/pipeline/sources/[id]/poll",
  ...readdirSync("app/api/cron").map((name) => `api/cron/${name}`),
];
const FORBIDDEN_PATH = /(^|\/)(tests|e2e|bench|scripts|\.data|\.next-e2e[^/]*|test-results)\//;

const problems: string[] = [];
const check = (ok: boolean, problem: string) => void (ok || problems.push(problem));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `vercel build` reads the project's link; offline, a local one with the framework is enough. */
function ensureProjectLink() {
  if (existsSync(".vercel/project.json")) return;
  mkdirSync(".vercel", { recursive: true });
  const settings = { framework: "nextjs", nodeVersion: RUNTIME.replace("nodejs", "") };
  writeFileSync(".vercel/project.json", JSON.stringify({ projectId: "prj_local", orgId: "team_local", settings }, null, 2));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

interface FunctionConfig {
  runtime?: string;
  maxDuration?: number;
  filePathMap?: Record<string, string>;
}

function inspectFunctions() {
  const dirs = walk(`${OUTPUT}/functions`)
    .filter((file) => file.endsWith(".vc-config.json"))
    .map((file) => path.dirname(file));
  const sizes: { name: string; bytes: number }[] = [];
  for (const dir of dirs) {
    const name = path.relative(`${OUTPUT}/functions`, dir).replace(/\.func$/, "");
    const config = JSON.parse(readFileSync(path.join(dir, ".vc-config.json"), "utf8")) as FunctionConfig;
    if (config.runtime !== undefined) check(config.runtime === RUNTIME, `${name}: runtime ${config.runtime}, expected ${RUNTIME}`);
    // A function's files: its folder, plus the repository files its file map points at.
    const files = new Map<string, number>();
    for (const file of walk(dir)) files.set(path.relative(dir, file), statSync(file).size);
    for (const [target, source] of Object.entries(config.filePathMap ?? {}))
      if (existsSync(source)) files.set(target, statSync(source).size);
    const bytes = [...files.values()].reduce((sum, size) => sum + size, 0);
    sizes.push({ name, bytes });
    check(bytes <= MAX_FUNCTION_MB * 1024 * 1024, `${name}: ${(bytes / 1024 / 1024).toFixed(1)} MB is over ${MAX_FUNCTION_MB} MB`);
    const stray = [...files.keys()].filter((file) => FORBIDDEN_PATH.test(file));
    check(stray.length === 0, `${name} carries ${stray.length} file(s) it never reads, e.g. ${stray.slice(0, 3).join(", ")}`);
  }
  // Routes with the same settings share one function; each route's entry links to it.
  for (const route of LONG_ROUTES) {
    const entry = `${OUTPUT}/functions/${route}.func`;
    if (!existsSync(entry)) {
      problems.push(`no function for ${route}`);
      continue;
    }
    const config = JSON.parse(readFileSync(path.join(realpathSync(entry), ".vc-config.json"), "utf8")) as FunctionConfig;
    check(config.maxDuration === 300, `${route}: maxDuration ${config.maxDuration ?? "unset"}, expected 300`);
  }
  sizes.sort((a, b) => b.bytes - a.bytes);
  console.log(`${sizes.length} functions serve every route; largest:`);
  for (const { name, bytes } of sizes.slice(0, 8)) console.log(`  ${(bytes / 1024 / 1024).toFixed(1).padStart(6)} MB  ${name}`);
}

function inspectCrons() {
  const declared = (JSON.parse(readFileSync("vercel.json", "utf8")) as { crons: unknown[] }).crons;
  const built = (JSON.parse(readFileSync(`${OUTPUT}/config.json`, "utf8")) as { crons?: unknown[] }).crons;
  check(JSON.stringify(built) === JSON.stringify(declared), `config.json crons ${JSON.stringify(built)} differ from vercel.json's`);
  console.log(`crons: ${declared.length} in config.json`);
}

const port = await freePort();
// Under .data like the test clusters: PostgreSQL runs as its own user, which a private temp folder would shut out.
const dataDir = path.resolve(`.data/vercel-check-${port}`);
await rm(dataDir, { recursive: true, force: true });
const database = await startEmbeddedPostgres({ dataDir, port, unsafeFast: true });
try {
  const databaseUrl = database.url("pulseboard");
  await ensureDatabase(databaseUrl);
  ensureProjectLink();
  const secret = () => randomBytes(24).toString("base64url");
  const started = performance.now();
  const { status } = spawnSync(process.execPath, ["node_modules/vercel/dist/index.js", "build", "--yes"], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret(),
      CRON_SECRET: secret(),
      PUSHER_SECRET: secret(),
      // A preview build on a fresh database: the environment guard marks it; the seed is skipped for time.
      VERCEL_ENV: "preview",
      SEED_DEMO_DATA: "false",
      VERCEL_TELEMETRY_DISABLED: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      NO_UPDATE_NOTIFIER: "1",
      CHECKPOINT_DISABLE: "1",
      NEXT_DIST_DIR: "",
    },
  });
  check(status === 0, `vercel build exited with ${status}`);
  if (status === 0) {
    console.log(`vercel build: ${((performance.now() - started) / 1000).toFixed(0)} s`);
    inspectCrons();
    inspectFunctions();
  }
} finally {
  await database.stop();
  await rm(dataDir, { recursive: true, force: true });
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`check:vercel: ${problem}`);
  process.exit(1);
}
console.log("check:vercel: the build output is good");
