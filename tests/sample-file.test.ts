import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";

import { PRESETS } from "../lib/pipeline/mapping";
import { DEMO_CUSTOMER_COUNT, WALK_IN_CUSTOMER, WALK_IN_SHARE, ZIPF_EXPONENT } from "../lib/pipeline/sample-catalog";
import { writeSampleFile, type SampleFileOptions } from "../lib/pipeline/sample-file";
import { BAD_KINDS, CLEANABLE_KINDS, type MessyKind } from "../lib/pipeline/sample-values";
import { DEFAULT_CUSTOMER_COUNT } from "../lib/seed/catalog";
import { seedDemoData } from "../lib/seed/seed-demo-data";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { runFile } from "./helpers/run-file";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "sample-file-"));
});

let files = 0;
async function generate(options: SampleFileOptions) {
  const file = path.join(dir, `sample-${(files += 1)}.csv`);
  const summary = await writeSampleFile(file, options);
  const text = readFileSync(file, "utf8");
  const rows: Record<string, string>[] = parse(text, { columns: true });
  return { file, summary, text, rows };
}

/** The share of rows per value of `column`, largest first. */
function shares(rows: Record<string, string>[], column: string): number[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row[column]!, (counts.get(row[column]!) ?? 0) + 1);
  return [...counts.values()].sort((a, b) => b - a).map((count) => count / rows.length);
}

const harmonic = (n: number, s: number) => Array.from({ length: n }, (_, k) => (k + 1) ** -s).reduce((sum, term) => sum + term, 0);

// How each messy kind reads, told apart from the clean forms (ISO date, whole quantity, price with two decimals).
const MESSY_FORMS: [MessyKind, "date" | "quantity" | "price", RegExp][] = [
  ["price-dollar-sign", "price", /^\$\d{1,3}(,\d{3})*\.\d{2}$/],
  ["price-usd-prefix", "price", /^USD \d+(\.\d{2})?$/],
  ["price-dollars-word", "price", /^\d+(\.\d{2})? dollars$/],
  ["price-decimal-comma", "price", /^\d{1,3}(\.\d{3})*,\d{2}$/],
  ["date-slashes", "date", /^\d{4}\/\d{2}\/\d{2}$/],
  ["date-day-first", "date", /^(1[3-9]|2\d|3[01])-\d{2}-\d{4}$/],
  ["date-month-name", "date", /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/],
  ["empty-quantity", "quantity", /^$/],
  ["negative-price", "price", /^-\d+\.\d{2}$/],
  ["ambiguous-date", "date", /^(0[1-9]|1[0-2])\/(0[1-9]|1[0-2])\/\d{4}$/],
  ["text-price", "price", /^abc$/],
];

describe("writeSampleFile", () => {
  it("gives the same bytes for a seed, and another file for another seed", async () => {
    const options = { lines: 2_000, seed: 7, lastDay: "2026-01-26", skew: true, dirty: 0.2 } as const;
    const [first, again, other] = await Promise.all([generate(options), generate(options), generate({ ...options, seed: 8 })]);
    expect(again.text).toBe(first.text);
    expect(other.text).not.toBe(first.text);
  });

  it("writes the canonical header and N rows of orders of 4 lines, in the trading hours of its days", async () => {
    const { text, rows, summary } = await generate({ lines: 1_001, seed: 3, lastDay: "2026-01-26", days: 2 });
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(1_002);
    expect(lines[0]).toBe(
      "order_id,line,order_date,business_unit,region,branch,salesperson,customer,customer_name,product_sku,product_name,product_line,category,quantity,unit_price,unit_cost,discount",
    );
    expect(summary).toMatchObject({ lines: 1_001, cleanable: 0, bad: 0 });
    expect(rows.slice(0, 5).map((row) => [row.order_id, row.line])).toEqual([
      ["G20260126-3-1", "1"],
      ["G20260126-3-1", "2"],
      ["G20260126-3-1", "3"],
      ["G20260126-3-1", "4"],
      ["G20260126-3-2", "1"],
    ]);
    expect(rows.at(-1)).toMatchObject({ order_id: "G20260126-3-251", line: "1" });
    expect(new Set(rows.map((row) => row.order_date!.slice(0, 10)))).toEqual(new Set(["2026-01-25", "2026-01-26"]));
    expect(rows.every((row) => /T(0[89]|1\d):\d{2}:\d{2}$/.test(row.order_date!))).toBe(true);
  });

  it("writes a fluxcli file with one line per ID", async () => {
    const { text, rows } = await generate({ lines: 500, format: "fluxcli", lastDay: "2026-01-26" });
    expect(text.split("\n")[0]).toBe("ID,Date,Product,Qty,Price,Store_ID");
    expect(rows).toHaveLength(500);
    expect(new Set(rows.map((row) => row.ID)).size).toBe(500);
    expect(rows[0]).toMatchObject({ ID: "G20260126-1-1", Date: "2026-01-26 08:00:00" });
  });

  it("with skew: at least 30 % of lines walk in, and stores, products and customers are Zipf-like", async () => {
    const { rows } = await generate({ lines: 40_000, seed: 5, lastDay: "2026-01-26", skew: true });
    const walkIn = rows.filter((row) => row.customer === WALK_IN_CUSTOMER).length / rows.length;
    expect(walkIn).toBeGreaterThanOrEqual(WALK_IN_SHARE);
    expect(walkIn).toBeLessThan(WALK_IN_SHARE + 0.05);

    // Rank 1 takes 1/H(n, s) of the draws, and rank 2 half of that (2^-1.1).
    const orglight = rows.filter((row) => row.business_unit === "orglight");
    const productCount = new Set(orglight.map((row) => row.product_sku)).size;
    const [top, second] = shares(orglight, "product_sku");
    expect(top).toBeCloseTo(1 / harmonic(productCount, ZIPF_EXPONENT), 1);
    expect(second! / top!).toBeGreaterThan(0.35);
    expect(second! / top!).toBeLessThan(0.6);
    expect(shares(rows, "branch")[0]).toBeCloseTo(1 / harmonic(16, ZIPF_EXPONENT), 1);
    const named = rows.filter((row) => row.customer !== WALK_IN_CUSTOMER);
    expect(shares(named, "customer")[0]).toBeCloseTo(1 / harmonic(DEMO_CUSTOMER_COUNT, ZIPF_EXPONENT), 1);

    const uniform = await generate({ lines: 40_000, seed: 5, lastDay: "2026-01-26" });
    expect(uniform.rows.some((row) => row.customer === WALK_IN_CUSTOMER)).toBe(false);
    expect(shares(uniform.rows, "product_sku")[0]).toBeLessThan(3 / 221);
  });

  it("with dirty: about that share of rows is messy, of every kind; only the spoilt field differs", async () => {
    const options = { lines: 20_000, seed: 11, lastDay: "2026-01-26", dirty: 0.1 } as const;
    const [dirty, clean] = await Promise.all([generate(options), generate({ ...options, dirty: 0 })]);
    const found = Object.fromEntries([...CLEANABLE_KINDS, ...BAD_KINDS].map((kind) => [kind, 0])) as Record<MessyKind, number>;
    dirty.rows.forEach((row, index) => {
      const original = clean.rows[index]!;
      const spoilt = Object.keys(row).filter((column) => row[column] !== original[column]);
      if (spoilt.length === 0) return;
      const values = { date: row.order_date!, quantity: row.quantity!, price: row.unit_price! };
      const kinds = MESSY_FORMS.filter(([, field, form]) => form.test(values[field])).map(([kind]) => kind);
      expect(kinds, JSON.stringify(values)).toHaveLength(1);
      expect(spoilt).toHaveLength(1);
      found[kinds[0]!] += 1;
    });
    expect(found).toEqual(dirty.summary.messy);
    expect(Object.values(found).every((count) => count > 0)).toBe(true);
    const messy = dirty.summary.cleanable + dirty.summary.bad;
    expect(messy / options.lines).toBeGreaterThan(0.09);
    expect(messy / options.lines).toBeLessThan(0.11);
    expect(dirty.summary.bad / messy).toBeCloseTo(0.1, 1);
  });

  it("refuses to replace a file when asked to be exclusive", async () => {
    const { file } = await generate({ lines: 10 });
    await expect(writeSampleFile(file, { lines: 10, exclusive: true })).rejects.toMatchObject({ code: "EEXIST" });
  });
});

describe("a generated file in the demo company's database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.url, { lines: 1_000, now: new Date("2026-05-14T12:00:00Z") });
  });

  it("uses the demo seed's customer codes", () => {
    expect(DEMO_CUSTOMER_COUNT).toBe(DEFAULT_CUSTOMER_COUNT);
  });

  it("loads, canonical, with no rejection, adding no dimension but the walk-in customer", async () => {
    const dimensions = async () => ({
      regions: await database.db.region.count(),
      branches: await database.db.branch.count(),
      salespeople: await database.db.salesperson.count(),
      products: await database.db.product.count(),
      customers: await database.db.customer.count(),
    });
    const before = await dimensions();
    const { file } = await generate({ lines: 3_000, lastDay: "2026-05-13", days: 2, skew: true });
    const run = await runFile(database.url, { file });
    expect(run).toMatchObject({ status: "SUCCEEDED", rowsRead: 3_000, rowsRejected: 0, rowsInserted: 3_000 });
    expect(await dimensions()).toEqual({ ...before, customers: before.customers + 1 });
    expect(await database.db.customer.findUniqueOrThrow({ where: { code: WALK_IN_CUSTOMER } })).toMatchObject({ name: "Walk-in customer" });
  }, 60_000);

  it("loads, fluxcli and dirty, through the fluxcli preset, refusing only the bad rows", async () => {
    const { file, summary } = await generate({ lines: 3_000, format: "fluxcli", lastDay: "2026-05-13", dirty: 0.2 });
    const run = await runFile(database.url, { file }, { preset: "fluxcli", mapping: PRESETS.fluxcli });
    expect(run).toMatchObject({ status: "SUCCEEDED", rowsRead: 3_000, rowsRejected: summary.bad, rowsInserted: 3_000 - summary.bad });
  }, 60_000);
});
