// `npm test`: lint and types, the Vercel build-output check, then every suite (vitest unit + integration,
// Playwright API, security, hosted, desktop, phone, outage), then one summary line: `tests: N passed, N failed`.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const results = "test-results";
rmSync(results, { recursive: true, force: true });
// The end-to-end app starts from an empty embedded database every run.
rmSync(".data/e2e", { recursive: true, force: true });

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const { status } = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return status ?? 1;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

// Lint and types count as one check, the Vercel build output as another: a red one fails the run like any test.
const checkExit = run("npm", ["run", "check"]);
const vercelExit = run("npm", ["run", "check:vercel"]);
const vitestExit = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/vitest.json`]);
const playwrightExit = run("npx", ["playwright", "test"], { PLAYWRIGHT_JSON: `${results}/playwright.json` });

const vitest = readJson(`${results}/vitest.json`) as { numPassedTests?: number; numFailedTests?: number } | null;
const playwright = readJson(`${results}/playwright.json`) as { stats?: { expected?: number; unexpected?: number; flaky?: number } } | null;

const checks = [checkExit, vercelExit];
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + checks.filter((exit) => exit === 0).length;
let failed =
  (vitest?.numFailedTests ?? 0) +
  (playwright?.stats?.unexpected ?? 0) +
  (playwright?.stats?.flaky ?? 0) +
  checks.filter((exit) => exit !== 0).length;
// A suite that crashed before reporting counts as a failure, never as silence.
if (!vitest && vitestExit !== 0) failed += 1;
if (!playwright && playwrightExit !== 0) failed += 1;
if (failed === 0 && (vitestExit !== 0 || playwrightExit !== 0)) failed += 1;

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
