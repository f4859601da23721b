// The fluxcli preset against the real database: a file in that tool's own layout, with
// written-out prices, unit words and mixed dates, loads its cleanable rows and quarantines
// the rest with their text as written.
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { resolveMapping } from "../lib/pipeline/resolve-mapping";
import { createBusinessUnits } from "./helpers/business-units";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { expectRollupsExact } from "./helpers/expect-rollups-exact";
import { runFile } from "./helpers/run-file";

let database: TestDatabase;
const SAMPLE = path.resolve("tests/fixtures/pipeline/fluxcli-sample.csv");

const load = () => runFile(database.url, { file: SAMPLE }, resolveMapping({ preset: "fluxcli" }));

beforeAll(async () => {
  database = await createTestDatabase();
  await createBusinessUnits(database.db);
});

describe("the fluxcli preset", () => {
  it("loads the tool's file: cleanable rows stored with plain prices, bad ones quarantined", async () => {
    const run = await load();
    expect(run).toMatchObject({ status: "SUCCEEDED", preset: "fluxcli", rowsRead: 30, rowsValid: 20, rowsRejected: 10, rowsInserted: 20 });
    expect(run.rowsRead).toBe(run.rowsValid + run.rowsRejected);

    const sales = await database.db.sale.findMany({
      where: { sourceRunId: run.id },
      include: { branch: { include: { region: true } }, customer: true, salesperson: true, product: true, businessUnit: true },
      orderBy: { externalKey: "asc" },
    });
    expect(Object.fromEntries(sales.map((sale) => [sale.externalKey, `${sale.quantity} × ${sale.unitPrice.toFixed(4)}`]))).toEqual({
      "fluxcli:FX-1001:1": "3 × 250.0000",
      "fluxcli:FX-1002:1": "1 × 1200.0000",
      "fluxcli:FX-1003:1": "2 × 500.0000",
      "fluxcli:FX-1004:1": "3 × 500.0000",
      "fluxcli:FX-1005:1": "1 × 500.0000",
      "fluxcli:FX-1006:1": "4 × 1500.0000",
      "fluxcli:FX-1007:1": "1 × 2450.5000",
      "fluxcli:FX-1008:1": "2 × 99.9900",
      "fluxcli:FX-1009:1": "1 × 45.0000",
      "fluxcli:FX-1010:1": "5 × 12.5000",
      "fluxcli:FX-1011:1": "1 × 1000.0000",
      "fluxcli:FX-1012:1": "10 × 75.0000",
      "fluxcli:FX-1013:1": "2 × 3999.9500",
      "fluxcli:FX-1014:1": "1 × 850.0000",
      "fluxcli:FX-1015:1": "1 × 1250.0000",
      "fluxcli:FX-1016:1": "6 × 45.0000",
      "fluxcli:FX-1017:1": "12 × 2.9900",
      "fluxcli:FX-1018:1": "1 × 1200.0000",
      "fluxcli:FX-1019:1": "1000 × 0.8500",
      "fluxcli:FX-1029:1": "3 × 30.0000",
    });
    const first = sales[0]!;
    expect(first).toMatchObject({
      businessUnit: { slug: "orglight" },
      branch: { code: "ST-01", region: { code: "Stores" } },
      salesperson: { code: "fluxcli-counter" },
      customer: { code: "walk-in" },
      product: { sku: "LED Bulb 9W", name: "LED Bulb 9W" },
    });
    // Naive times are Nairobi time (UTC+3), whichever form they were written in.
    const soldAt = (id: string) => sales.find((sale) => sale.orderId === id)!.soldAt.toISOString();
    expect(soldAt("FX-1001")).toBe("2025-01-25T21:00:00.000Z");
    expect(soldAt("FX-1003")).toBe("2025-01-25T21:00:00.000Z");
    expect(soldAt("FX-1004")).toBe("2025-01-25T21:00:00.000Z");
    expect(soldAt("FX-1008")).toBe("2025-01-27T06:15:00.000Z");
    expect(soldAt("FX-1009")).toBe("2025-01-27T21:00:00.000Z");
    expect(soldAt("FX-1010")).toBe("2025-01-28T12:45:00.000Z");
    expect(soldAt("FX-1017")).toBe("2025-02-15T15:00:00.000Z");
    await expectRollupsExact(database);
  });

  it("quarantines each bad row with its reason, and keeps the text as written", async () => {
    const run = (await database.db.pipelineRun.findFirstOrThrow({ where: { preset: "fluxcli" }, orderBy: { id: "asc" } })).id;
    const rows = await database.db.quarantinedRow.findMany({ where: { runId: run }, orderBy: { rowNumber: "asc" } });
    expect(rows.map((row) => [row.rowNumber, row.reasonCode, row.message])).toEqual([
      [20, "BAD_DATE", 'order_date "03/04/2025" is ambiguous: day and month could be swapped; set dateFormats'],
      [21, "BAD_NUMBER", 'unit_price "12,345,6" is not a number'],
      [22, "BAD_NUMBER", 'unit_price "N/A" is not a number'],
      [23, "BAD_NUMBER", 'quantity "2.5 pcs" is not a whole number'],
      [24, "NON_POSITIVE_QUANTITY", "quantity 0 is not positive"],
      [25, "BAD_DATE", 'order_date "31/02/2025" is not a valid date'],
      [26, "NEGATIVE_PRICE", "unit_price -$5.00 is negative"],
      [27, "MISSING_FIELD", "product_sku is empty"],
      [28, "DUPLICATE_IN_FILE", "order FX-1003 line 1 appears earlier in the file"],
      [29, "BAD_DATE", 'order_date "26/01/25" is not a valid date'],
    ]);
    // Rejected for its date, the row still shows the price and date it was written with.
    expect(rows[0]).toMatchObject({
      raw: { ID: "FX-1020", Date: "03/04/2025", Product: "Ceiling Lamp", Qty: "1", Price: "$1,200.00", Store_ID: "ST-01" },
      canonical: { order_id: "FX-1020", order_date: "03/04/2025", unit_price: "$1,200.00", quantity: "1", customer: "walk-in" },
      businessUnit: "orglight",
    });
    expect(rows[3]).toMatchObject({ raw: { Qty: "2.5 pcs", Price: "$2.99" }, canonical: { quantity: "2.5 pcs", unit_price: "$2.99" } });
  });

  it("logs how many values it cleaned, with examples as written and as read", async () => {
    const run = (await database.db.pipelineRun.findFirstOrThrow({ where: { preset: "fluxcli" }, orderBy: { id: "asc" } })).id;
    const lines = await database.db.pipelineLog.findMany({ where: { runId: run }, orderBy: { seq: "asc" } });
    expect(lines.map((line) => line.message)).toContain('cleaned 21 values, e.g. unit_price "$1,200.00" → 1200.00, quantity "3 pcs" → 3');
  });

  it("loaded again changes nothing", async () => {
    const again = await load();
    expect(again).toMatchObject({
      status: "SUCCEEDED",
      rowsRead: 30,
      rowsValid: 20,
      rowsRejected: 10,
      rowsInserted: 0,
      rowsUpdated: 0,
      rowsUnchanged: 20,
    });
  });
});
