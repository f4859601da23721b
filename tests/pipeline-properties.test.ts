import { Readable } from "node:stream";

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { createRowClassifier } from "../lib/pipeline/classify-rows";
import { readSourceBatches } from "../lib/pipeline/extract";
import { createRecordMapper, PRESETS } from "../lib/pipeline/mapping";
import { createDateParser } from "../lib/pipeline/parse-date";
import { seedDemoData } from "../lib/seed/seed-demo-data";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { runFile } from "./helpers/run-file";

// Mostly plausible values, with the kinds of damage real files have.
const cell = {
  order_id: fc.constantFrom("A", "B", "C,1", 'D"q"', ""),
  line: fc.constantFrom("1", "2", "0", "x"),
  order_date: fc.constantFrom("2026-01-05", "2026-02-30", "2026-03-01T10:00:00Z", "yesterday", ""),
  business_unit: fc.constantFrom("orglight", "perfil", "PERFIL", "acme"),
  region: fc.constantFrom("R1", "R2"),
  branch: fc.constantFrom("PB-1", "PB-2", "PB-3"),
  salesperson: fc.constantFrom("rep-1", "rep 2"),
  customer: fc.constantFrom("c-1", "c;2", "c\n3"),
  product_sku: fc.constantFrom("P-1", "P-2"),
  quantity: fc.constantFrom("1", "3", "0", "-2", "1.5", "abc"),
  unit_price: fc.constantFrom("9.99", "0", "-1", "12", "1e3", ""),
  unit_cost: fc.constantFrom("5", "", "-0"),
  discount: fc.constantFrom("0", "0.25", "1", "", "-0.1"),
};
// The file's columns, in the order the cells are listed.
const COLUMNS = Object.keys(cell) as (keyof typeof cell)[];
const row = fc.record(cell);
const fileArb = fc.record({
  rows: fc.array(row, { minLength: 0, maxLength: 12 }),
  delimiter: fc.constantFrom(",", ";"),
  newline: fc.constantFrom("\n", "\r\n"),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
});

type GeneratedFile = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

function toCsv(file: GeneratedFile): string {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const lines = [COLUMNS.join(file.delimiter), ...file.rows.map((r) => COLUMNS.map((c) => quote(r[c])).join(file.delimiter))];
  return (file.bom ? "\ufeff" : "") + lines.join(file.newline) + (file.finalNewline ? file.newline : "");
}

async function classifyAll(text: string) {
  const classify = createRowClassifier({ parseDate: createDateParser("iso"), units: new Set(["orglight", "perfil"]), scopeSlug: null });
  const facts: { header?: string[] } = {};
  const outcome = { read: 0, valid: 0, rejected: 0, keys: new Set<string>() };
  for await (const batch of readSourceBatches(Readable.from([Buffer.from(text)]), PRESETS.canonical, facts)) {
    const map = createRecordMapper(PRESETS.canonical, facts.header!);
    for (const fields of batch) {
      outcome.read += 1;
      const result = classify(map(fields));
      if (!result.ok) outcome.rejected += 1;
      else {
        outcome.valid += 1;
        outcome.keys.add(`${result.row.orderId}:${result.row.line}`);
      }
    }
  }
  return outcome;
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.url, { lines: 200, now: new Date("2026-05-14T12:00:00Z") });
});

describe("generated CSVs", () => {
  it("500 files: every row read is valid or rejected, and valid rows have unique keys", async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const outcome = await classifyAll(toCsv(file));
        expect(outcome.read).toBe(file.rows.length);
        expect(outcome.valid + outcome.rejected).toBe(outcome.read);
        expect(outcome.keys.size).toBe(outcome.valid);
      }),
      { numRuns: 500 },
    );
  });

  it("30 files through the database: both invariants hold, and a reload changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const text = toCsv(file);
        const load = () => runFile(database.url, { text, fileName: "generated.csv" });
        const first = await load();
        expect(first.status).toBe("SUCCEEDED");
        expect(first.rowsRead).toBe(file.rows.length);
        expect(first.rowsValid + first.rowsRejected).toBe(first.rowsRead);
        expect(first.rowsInserted + first.rowsUpdated + first.rowsUnchanged).toBe(first.rowsValid);
        const second = await load();
        expect(second).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: first.rowsValid });
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
