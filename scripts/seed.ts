// `npm run db:seed [-- --lines N]`: seeds the demo data into DATABASE_URL (or the embedded
// database) unless it is already seeded.
import { seedDemoData } from "../lib/seed/seed-demo-data";
import { withDatabase } from "./lib/with-database";

function readLines(args: readonly string[]): number | undefined {
  const index = args.indexOf("--lines");
  if (index === -1) return undefined;
  const lines = Number(args[index + 1]);
  if (Number.isInteger(lines) && lines > 0) return lines;
  console.error("--lines needs a positive integer, e.g. --lines 50000");
  process.exit(1);
}

const lines = readLines(process.argv.slice(2));

await withDatabase(async (databaseUrl, signal) => {
  const summary = await seedDemoData(databaseUrl, { lines, log: console.log, signal });
  if (!summary) {
    console.log("already seeded: nothing to do");
    return;
  }
  const { elapsedMs, ...counts } = summary;
  console.log(`seeded in ${(elapsedMs / 1000).toFixed(1)} s:`, counts);
});
