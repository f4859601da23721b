// Header detection: every preset is recognized from its header (reordered, recased, respaced), a saved
// mapping is recognized after the presets, and an unknown header gets a suggestion that names what it lacks.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { readCsvSample } from "../lib/pipeline/csv-sample";
import { detectMapping, missingColumns, PRICE_GAP, suggestMapping } from "../lib/pipeline/detect-mapping";
import { createRecordMapper, mappingSchema, PRESET_NAMES, PRESETS, type Mapping } from "../lib/pipeline/mapping";
import { detectFileMapping } from "../lib/pipeline/resolve-mapping";
import { REQUIRED_COLUMNS } from "../lib/pipeline/validate-row";

/** The distinct source columns a mapping reads, as a file that fits it would name them. */
const headerOf = (mapping: Mapping) => [...new Set(Object.values(mapping.columns).flat())];

const sample = (header: string[], samples: string[][] = []) => ({ header, samples });

describe("a preset's header", () => {
  it.each(PRESET_NAMES)("%s is detected as written", (name) => {
    const detection = detectMapping(sample(headerOf(PRESETS[name])));
    expect(detection).toMatchObject({ match: "preset", name, missing: [] });
    // Spelled as the preset spells it: the run records the preset itself.
    expect(detection.mapping).toBe(PRESETS[name]);
  });

  it.each(PRESET_NAMES)("%s is detected reordered, in other case and spacing, among extra columns", (name) => {
    const written = headerOf(PRESETS[name])
      .reverse()
      .map((column, index) => (index % 2 === 0 ? `  ${column.toUpperCase().replace(/ /g, "   ")} ` : column.toLowerCase()).trim());
    const detection = detectMapping(sample(["Notes", ...written, "Extra"]));
    expect(detection).toMatchObject({ match: "preset", name, missing: [] });
    // The mapping now names the file's own spelling, so the run finds every column.
    expect(missingColumns(detection.mapping, ["Notes", ...written, "Extra"])).toEqual([]);
    const map = createRecordMapper(detection.mapping, written);
    const record = map(written.map((column) => `value of ${column}`));
    const required = REQUIRED_COLUMNS.filter((column) => PRESETS[name].columns[column] !== undefined);
    for (const column of required) expect(record[column], column).toMatch(/^value of /);
  });

  it("is recognized in the fixture files as the pipeline reads them (a BOM, quoted fields)", async () => {
    const files = { "superstore.csv": "superstore", "supermarket_sales.csv": "supermarket-sales", "every-reason.csv": "canonical" };
    for (const [file, preset] of Object.entries(files)) {
      const read = await readCsvSample(new Blob([readFileSync(`tests/fixtures/pipeline/${file}`)]));
      expect(read?.samples.length).toBe(preset === "canonical" ? 14 : 20);
      expect(detectMapping(read!)).toMatchObject({ match: "preset", name: preset });
    }
  });

  it("misses when a required column is absent: canonical without quantity is no preset", () => {
    const header = headerOf(PRESETS.canonical).filter((column) => column !== "quantity");
    expect(detectMapping(sample(header)).match).toBe("suggested");
  });
});

describe("saved mappings", () => {
  const saved = mappingSchema.parse({
    columns: { order_id: "Ref", line: "Ln", order_date: "When", branch: "Shop", product_sku: "Code", quantity: "N", line_amount: "Amt" },
    constants: { business_unit: "perfil", region: "R", salesperson: "s", customer: "c" },
  });

  it("are recognized after the presets, with their id", () => {
    const detection = detectMapping(sample(["ref", "LN", "When", "Shop", "Code", "N", "Amt"]), {
      saved: [{ id: 7, name: "Till export", mapping: saved }],
    });
    expect(detection).toMatchObject({ match: "saved", name: "Till export", savedMappingId: 7, missing: [] });
    expect(detection.mapping.columns).toMatchObject({ order_id: "ref", line: "LN" });
  });

  it("never shadow a preset's header", () => {
    const detection = detectMapping(sample(headerOf(PRESETS.superstore)), { saved: [{ id: 1, name: "mine", mapping: saved }] });
    expect(detection).toMatchObject({ match: "preset", name: "superstore" });
  });
});

describe("an unknown header", () => {
  it("gets a complete suggestion from names and values", () => {
    const header = ["Invoice No", "Sale Date", "Item", "Qty", "Unit Price", "Outlet"];
    const rows = [
      ["INV-1", "13/01/2025", "Soap", "2", "1.50", "Westlands"],
      ["INV-2", "14/01/2025", "Rice 2kg", "1", "3.20", "CBD"],
    ];
    const detection = detectMapping(sample(header, rows), { businessUnit: "orglight" });
    expect(detection.match).toBe("suggested");
    expect(detection.missing).toEqual([]);
    expect(detection.mapping.columns).toEqual({
      order_id: "Invoice No",
      order_date: "Sale Date",
      branch: "Outlet",
      product_sku: "Item",
      quantity: "Qty",
      unit_price: "Unit Price",
    });
    // Day-first, since a day above 12 says so.
    expect(detection.mapping.dateFormat).toBe("D/M/YYYY");
    expect(detection.mapping.constants).toEqual({
      line: "1",
      business_unit: "orglight",
      region: "unassigned",
      salesperson: "unassigned",
      customer: "walk-in",
    });
  });

  it("matches names in other languages and spellings", () => {
    const detection = suggestMapping(sample(["Fecha", "Factura", "Cantidad", "Precio", "Tienda", "Código", "order_line"]));
    expect(detection.mapping.columns).toMatchObject({
      order_date: "Fecha",
      order_id: "Factura",
      quantity: "Cantidad",
      unit_price: "Precio",
      branch: "Tienda",
      product_sku: "Código",
    });
  });

  it("reads unnamed columns by their values: dates, whole numbers, decimals", () => {
    const header = ["Ref", "c1", "c2", "c3", "Store", "Product"];
    const rows = [
      ["A-1", "2025-03-01", "4", "9.99", "S1", "P1"],
      ["A-2", "2025-03-02", "1", "10", "S1", "P2"],
    ];
    const detection = suggestMapping(sample(header, rows), { businessUnit: "perfil" });
    expect(detection.mapping.columns).toMatchObject({ order_date: "c1", quantity: "c2", unit_price: "c3" });
    expect(detection.mapping.dateFormat).toBe("iso");
    // "Ref" names nothing: the order id is left to the reviewer, and said so.
    expect(detection.missing).toEqual(["order_id"]);
  });

  it("with nothing recognizable names the required columns it could not fill", () => {
    const detection = detectMapping(sample(["foo", "bar", "baz"], [["x", "y", "z"]]));
    expect(detection.match).toBe("suggested");
    expect(detection.missing).toEqual(["order_id", "order_date", "business_unit", "branch", "product_sku", "quantity", PRICE_GAP]);
    expect(detection.mapping.columns).toEqual({});
  });
});

describe("missingColumns", () => {
  it("counts a constant as fed, an empty one not, and checks source columns against the header", () => {
    const mapping = mappingSchema.parse({ ...PRESETS.canonical, constants: { region: "R", branch: " " } });
    expect(missingColumns(mapping)).toEqual([]);
    const header = headerOf(PRESETS.canonical).filter((column) => !["branch", "unit_price", "line_amount"].includes(column));
    expect(missingColumns(mapping, header)).toEqual(["branch", PRICE_GAP]);
  });
});

describe("readCsvSample", () => {
  it("reads the header and at most 20 rows from the file's first bytes, with its delimiter", async () => {
    const rows = Array.from({ length: 50 }, (_, index) => `${index};"a;b";x`);
    const read = await readCsvSample(new Blob([`\uFEFF Id ;Name;Other\n${rows.join("\n")}`]));
    expect(read?.header).toEqual(["Id", "Name", "Other"]);
    expect(read?.samples).toHaveLength(20);
    expect(read?.samples[0]).toEqual(["0", "a;b", "x"]);
  });

  it("gives up on a header it cannot read, and reads a last line without a line break", async () => {
    expect(await readCsvSample(new Blob(['"never closed'.padEnd(1000, "x")]))).toBeNull();
    expect(await readCsvSample(new Blob([""]))).toBeNull();
    expect((await readCsvSample(new Blob(["a,b\n1,2"])))?.samples).toEqual([["1", "2"]]);
  });
});

describe("a file given to the CLI without a preset or mapping", () => {
  it("runs with the preset its header matches, or fails with a suggestion to save", async () => {
    const superstore = path.resolve("tests/fixtures/pipeline/superstore.csv");
    expect(await detectFileMapping(superstore)).toMatchObject({ preset: "superstore", mapping: PRESETS.superstore });

    const unknown = path.join(mkdtempSync(path.join(os.tmpdir(), "detect-file-")), "unknown.csv");
    writeFileSync(unknown, "Invoice No,Sale Date,Item,Qty,Unit Price,Outlet\nINV-1,2025-01-26,LED Bulb,2,150.00,ST-01\n");
    await expect(detectFileMapping(unknown)).rejects.toThrow(/No preset matches the header .*give --mapping FILE\.\n\{/s);
  });
});
