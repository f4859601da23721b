// `tsx bench/seed-database.ts URL LINES`: migrates and seeds a benchmark database in a process of
// its own, so the seed's memory never counts in the loads' peak RSS.
import { seedDemoData } from "../lib/seed/seed-demo-data";
import { applyMigrations } from "../scripts/lib/schema-engine";

const [url, lines] = process.argv.slice(2);
if (!url || !lines) throw new Error("usage: seed-database.ts URL LINES");
await applyMigrations(url);
const summary = await seedDemoData(url, { lines: Number(lines), now: new Date("2026-11-30T15:00:00Z") });
console.log(`  seeded ${summary?.sales.toLocaleString("en")} lines in ${((summary?.elapsedMs ?? 0) / 1000).toFixed(0)} s`);
