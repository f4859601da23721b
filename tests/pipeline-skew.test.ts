// A walk-in customer with 90 % of the lines, over two years and twenty branches: reloading
// it with new prices recomputes every touched bucket. Joined on the bucket expressions, the
// recompute read the walk-in's rows once per touched month and branch (quadratic); joined on
// a "soldAt" range it reads each bucket once.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { beforeAll, expect, it } from "vitest";

import { seedDemoData } from "../lib/seed/seed-demo-data";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { expectRollupsExact } from "./helpers/expect-rollups-exact";
import { runFile } from "./helpers/run-file";

const LINES = 50_000;
const HEADER =
  "order_id,line,order_date,business_unit,region,branch,salesperson,customer,customer_name,product_sku,product_name,product_line,category,quantity,unit_price,unit_cost,discount";

let database: TestDatabase;
let dir: string;

/** Two-line orders, one every ~25 minutes over two years; 90 % of them by the walk-in customer. */
function skewedFile(priceBump: number): string {
  const rows = [HEADER];
  for (let order = 0; order < LINES / 2; order += 1) {
    const soldAt = new Date(Date.UTC(2024, 11, 1) + order * 2_521_000).toISOString().slice(0, 19).replace("T", " ");
    const branch = `SKW-${order % 20}`;
    const customer = order % 10 === 0 ? `C-${order % 997}` : "walk-in";
    for (const line of [1, 2]) {
      const product = (order * line) % 7;
      rows.push(
        [
          `SKW-${order}`,
          line,
          soldAt,
          "orglight",
          "Skew",
          branch,
          `SP-${branch}`,
          customer,
          customer,
          `SKU-${product}`,
          `Product ${product}`,
          "Line",
          "Category",
          1 + (order % 4),
          (100 + product + priceBump).toFixed(2),
          "50.00",
          "0",
        ].join(","),
      );
    }
  }
  return `${rows.join("\n")}\n`;
}

async function load(name: string, text: string) {
  const file = path.join(dir, name);
  await writeFile(file, text);
  const started = performance.now();
  const run = await runFile(database.url, { file });
  return { run, seconds: (performance.now() - started) / 1000 };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.url, { lines: 1_000, now: new Date("2026-05-14T12:00:00Z") });
  dir = await mkdtemp(path.join(os.tmpdir(), "pipeline-skew-"));
});

it("reloading a skewed file with new prices recomputes its buckets exactly, in linear time", async () => {
  const first = await load("first.csv", skewedFile(0));
  expect(first.run).toMatchObject({ status: "SUCCEEDED", rowsInserted: LINES, rowsRejected: 0 });

  const repriced = await load("repriced.csv", skewedFile(1));
  expect(repriced.run).toMatchObject({ status: "SUCCEEDED", rowsUpdated: LINES });
  // Measured on a 2-core machine: about 10 s with a lookup per bucket; one join on the bucket expressions took 27 s.
  expect(repriced.seconds, `reload took ${repriced.seconds.toFixed(1)} s`).toBeLessThan(20);
  await expectRollupsExact(database);
}, 120_000);
