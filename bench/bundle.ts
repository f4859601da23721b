// `npm run bench:bundle [-- --dist .next]`: the first-load JavaScript of every route, gzipped, from
// the last `next build` (its route-bundle-stats diagnostics); the overview's must stay ≤ 250 KB.
// `npm run build` prints it too.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const OVERVIEW_BUDGET_KB = 250;

const { values: flags } = parseArgs({ options: { dist: { type: "string", default: process.env.NEXT_DIST_DIR ?? ".next" } } });
const root = path.resolve(import.meta.dirname, "..");
const statsFile = path.join(root, flags.dist, "diagnostics/route-bundle-stats.json");

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };
const routes = JSON.parse(await readFile(statsFile, "utf8").catch(() => "null")) as RouteStats[] | null;
if (!routes) {
  console.error(`no build diagnostics at ${path.relative(root, statsFile)}: run \`npm run build\` first`);
  process.exit(1);
}

const gzipped = new Map<string, number>();
async function gzippedSize(chunk: string): Promise<number> {
  const known = gzipped.get(chunk);
  if (known !== undefined) return known;
  const size = gzipSync(await readFile(path.join(root, chunk)), { level: 9 }).length;
  gzipped.set(chunk, size);
  return size;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;
console.log(`first-load JavaScript per route (${flags.dist})\n${"route".padEnd(32)}      raw    gzipped`);
let overview: number | undefined;
for (const { route, firstLoadUncompressedJsBytes, firstLoadChunkPaths } of routes.sort((a, b) => a.route.localeCompare(b.route))) {
  let total = 0;
  for (const chunk of firstLoadChunkPaths) total += await gzippedSize(chunk);
  if (route === "/") overview = total;
  console.log(`${route.padEnd(32)} ${kb(firstLoadUncompressedJsBytes)} ${kb(total)}`);
}
if (overview === undefined) {
  console.error("the build has no / route");
  process.exit(1);
}
const ok = overview <= OVERVIEW_BUDGET_KB * 1024;
console.log(`\noverview (/) first load ${kb(overview).trim()} gzipped; budget ≤ ${OVERVIEW_BUDGET_KB} KB: ${ok ? "ok" : "OVER"}`);
process.exitCode = ok ? 0 : 1;
