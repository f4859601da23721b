import path from "node:path";

import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";

import { resolveMappingFile } from "../lib/pipeline/resolve-mapping";
import { seedDemoData } from "../lib/seed/seed-demo-data";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { expectRollupsExact } from "./helpers/expect-rollups-exact";
import { runFile } from "./helpers/run-file";

let database: TestDatabase;
const FIXTURES = path.resolve("tests/fixtures/pipeline");

async function load(file: string, options: { preset?: string; mapping?: string; dryRun?: boolean } = {}) {
  const { preset, mapping } = await resolveMappingFile(options.preset, options.mapping && path.join(FIXTURES, options.mapping));
  return runFile(
    database.url,
    { file: path.join(FIXTURES, file) },
    {
      preset,
      mapping,
      dryRun: options.dryRun ?? false,
      echo: process.env.PIPELINE_ECHO ? (line) => console.log(`${(performance.now() / 1000).toFixed(2)} ${line}`) : undefined,
    },
  );
}

async function totals(runId: number) {
  const [row] = await database.db.$queryRawUnsafe<{ lines: number; revenue: string; profit: string; quantity: number }[]>(
    `SELECT count(*)::int AS lines, sum(revenue)::text AS revenue, sum(profit)::text AS profit, sum(quantity)::int AS quantity
     FROM "Sale" WHERE "sourceRunId" = $1`,
    runId,
  );
  return row!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.url, { lines: 2_000, now: new Date("2026-05-14T12:00:00Z") });
});

describe("public datasets (their published totals)", () => {
  it("loads superstore by preset: 9,994 rows, Sales 2,297,200.8603, Profit 286,397.0217, Quantity 37,873", async () => {
    const run = await load("superstore.csv", { preset: "superstore" });
    expect(run).toMatchObject({ status: "SUCCEEDED", rowsRead: 9_994, rowsValid: 9_994, rowsRejected: 0, rowsInserted: 9_994 });
    const sums = await totals(run.id);
    expect(new Decimal(sums.revenue).toFixed(4)).toBe("2297200.8603");
    expect(new Decimal(sums.profit).toFixed(4)).toBe("286397.0217");
    expect(sums.quantity).toBe(37_873);
    expect(await database.db.customer.count({ where: { code: { in: ["CG-12520", "DV-13045"] } } })).toBe(2);
    await expectRollupsExact(database);
  });

  it("loads supermarket sales by preset: 1,000 rows, Total 322,966.749, gross income 15,379.369", async () => {
    const run = await load("supermarket_sales.csv", { preset: "supermarket-sales" });
    expect(run).toMatchObject({ status: "SUCCEEDED", rowsRead: 1_000, rowsValid: 1_000, rowsInserted: 1_000 });
    const sums = await totals(run.id);
    expect(new Decimal(sums.revenue).toFixed(3)).toBe("322966.749");
    expect(new Decimal(sums.profit).toFixed(3)).toBe("15379.369");
    await expectRollupsExact(database);
  });

  it("loads sales_data_sample (code page 437) by mapping file: 2,823 rows, SALES 10,032,628.85", async () => {
    const run = await load("sales_data_sample.csv", { mapping: "sales-data-sample.mapping.json" });
    expect(run).toMatchObject({ status: "SUCCEEDED", rowsRead: 2_823, rowsValid: 2_823, rowsInserted: 2_823 });
    const sums = await totals(run.id);
    expect(new Decimal(sums.revenue).toFixed(2)).toBe("10032628.85");
    // Region from COUNTRY, branch from CITY: Singapore sits in two territories, so TERRITORY cannot be the region.
    const branch = await database.db.branch.findUnique({ where: { code: "Madrid" }, include: { region: true } });
    expect(branch?.region.code).toBe("Spain");
  });

  it("reloads every dataset with nothing inserted or updated", async () => {
    for (const [file, options] of [
      ["superstore.csv", { preset: "superstore" }],
      ["supermarket_sales.csv", { preset: "supermarket-sales" }],
      ["sales_data_sample.csv", { mapping: "sales-data-sample.mapping.json" }],
    ] as const) {
      const run = await load(file, options);
      expect(run).toMatchObject({ status: "SUCCEEDED", rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: run.rowsRead });
    }
  });
});
