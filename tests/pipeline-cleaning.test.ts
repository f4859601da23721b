// Cleaning options of mappings, through validation: every written form a mapping may accept,
// the exact plain value it becomes, and the reason and message of the forms it refuses.
import { describe, expect, it } from "vitest";

import type { CanonicalRecord } from "../lib/pipeline/columns";
import { createRecordReaders, mappingSchema, PRESETS, type Mapping } from "../lib/pipeline/mapping";
import { validateRecord } from "../lib/pipeline/validate-row";

const ROW: CanonicalRecord = {
  order_id: "FX-1",
  line: "1",
  order_date: "2025-01-26",
  business_unit: "orglight",
  region: "Stores",
  branch: "ST-01",
  salesperson: "fluxcli-counter",
  customer: "walk-in",
  product_sku: "LED Bulb 9W",
  quantity: "1",
  unit_price: "10",
};

const EUROPEAN = mappingSchema.parse({ numberFormat: { decimal: ",", thousands: ".", currency: true }, unitWords: true });
const SWISS = mappingSchema.parse({ numberFormat: { decimal: ".", thousands: "'" } });
const SPACED = mappingSchema.parse({ numberFormat: { decimal: ",", thousands: " " } });

function validate(mapping: Mapping, values: CanonicalRecord) {
  return validateRecord({ ...ROW, ...values }, createRecordReaders(mapping));
}

describe("numbers", () => {
  it.each([
    ["$1,200.00", "1200.00"],
    ["USD 500", "500"],
    ["500 USD", "500"],
    ["500 dollars", "500"],
    ["500 KES", "500"],
    ["KES 500/=", "500"],
    ["Ksh. 1,500", "1500"],
    ["KSh1,500.50", "1500.50"],
    ["€45", "45"],
    ["£30", "30"],
    ["$ 12.5", "12.5"],
    ["1,234,567.89", "1234567.89"],
    ["2,450.50", "2450.50"],
    ["1,200", "1200"],
    ["1.200,50", "1200.50"],
    ["715,00", "715.00"],
    ["USD 12,5", "12.5"],
    ["99.99", "99.99"],
    ["0", "0"],
  ])("fluxcli reads unit_price %j as %s", (written, plain) => {
    const result = validate(PRESETS.fluxcli, { unit_price: written });
    expect(result).toMatchObject({ ok: true, row: { unitPrice: plain } });
    if (result.ok) expect(result.cleaned ?? []).toEqual(written === plain ? [] : [{ column: "unit_price", from: written, to: plain }]);
  });

  it.each([
    [EUROPEAN, "1.200,50", "1200.50"],
    [EUROPEAN, "1.234.567,8", "1234567.8"],
    [EUROPEAN, "€ 1.200,50", "1200.50"],
    [EUROPEAN, "1200,5", "1200.5"],
    [EUROPEAN, "1.200", "1200"],
    [SWISS, "1'200.50", "1200.50"],
    [SWISS, "1\u2019200.50", "1200.50"],
    [SPACED, "1 200,50", "1200.50"],
    [SPACED, "1\u00a0200,50", "1200.50"],
    [SPACED, "1\u202f200,50", "1200.50"],
  ])("other formats: %# reads %j as %s", (mapping, written, plain) => {
    expect(validate(mapping, { unit_price: written })).toMatchObject({ ok: true, row: { unitPrice: plain } });
  });

  it.each([
    ["3 pcs", 3],
    ["3pcs", 3],
    ["3 units", 3],
    ["1 unit", 1],
    ["12 PCS", 12],
    ["1,000 pcs", 1000],
  ])("fluxcli reads quantity %j as %d", (written, quantity) => {
    const result = validate(PRESETS.fluxcli, { quantity: written });
    expect(result).toMatchObject({ ok: true, row: { quantity }, cleaned: [{ column: "quantity", from: written, to: String(quantity) }] });
  });

  it("cleans the other amount columns and the discount the same way", () => {
    const result = validate(EUROPEAN, {
      unit_price: "",
      line_amount: "€ 1.000,00",
      unit_cost: "600 euros",
      line_profit: "400,5",
      discount: "0,25",
    });
    expect(result).toMatchObject({
      ok: true,
      row: { unitPrice: null, lineAmount: "1000.00", unitCost: "600", lineProfit: "400.5", discount: "0.25" },
    });
  });

  it.each([
    [PRESETS.fluxcli, { unit_price: "1,2,3" }, "BAD_NUMBER", 'unit_price "1,2,3" is not a number'],
    [PRESETS.fluxcli, { unit_price: "N/A" }, "BAD_NUMBER", 'unit_price "N/A" is not a number'],
    [PRESETS.fluxcli, { unit_price: "$" }, "BAD_NUMBER", 'unit_price "$" is not a number'],
    [PRESETS.fluxcli, { unit_price: "$.50" }, "BAD_NUMBER", 'unit_price "$.50" is not a number'],
    [PRESETS.fluxcli, { unit_price: "500 apples" }, "BAD_NUMBER", 'unit_price "500 apples" is not a number'],
    [PRESETS.fluxcli, { unit_price: "1.2.3,45" }, "BAD_NUMBER", 'unit_price "1.2.3,45" is not a number'],
    [PRESETS.fluxcli, { unit_price: "$123,456,789.00" }, "BAD_NUMBER", "unit_price $123,456,789.00 is out of range"],
    [PRESETS.fluxcli, { unit_price: "-$5.00" }, "NEGATIVE_PRICE", "unit_price -$5.00 is negative"],
    [PRESETS.fluxcli, { unit_price: "$-5.00" }, "NEGATIVE_PRICE", "unit_price $-5.00 is negative"],
    [PRESETS.fluxcli, { quantity: "2.5 pcs" }, "BAD_NUMBER", 'quantity "2.5 pcs" is not a whole number'],
    [PRESETS.fluxcli, { quantity: "$3" }, "BAD_NUMBER", 'quantity "$3" is not a whole number'],
    [PRESETS.fluxcli, { quantity: "0 pcs" }, "NON_POSITIVE_QUANTITY", "quantity 0 pcs is not positive"],
    [EUROPEAN, { unit_price: "1,200.50" }, "BAD_NUMBER", 'unit_price "1,200.50" is not a number'],
    [EUROPEAN, { discount: "25 %" }, "BAD_NUMBER", 'discount "25 %" is not a number'],
    [EUROPEAN, { discount: "1,5" }, "DISCOUNT_OUT_OF_RANGE", "discount 1,5 is not in [0, 1)"],
    [SWISS, { unit_price: "$5" }, "BAD_NUMBER", 'unit_price "$5" is not a number'],
  ] as const)("refuses %#: %j", (mapping, values, reason, message) => {
    expect(validate(mapping, values)).toEqual({ ok: false, reason, message });
  });

  it("is off by default: canonical, supermarket-sales and superstore still refuse written-out numbers", () => {
    expect(validate(PRESETS.canonical, { unit_price: "$1,200.00" })).toEqual({
      ok: false,
      reason: "BAD_NUMBER",
      message: 'unit_price "$1,200.00" is not a number',
    });
    expect(validate(PRESETS.canonical, { quantity: "3 pcs" })).toMatchObject({ ok: false, reason: "BAD_NUMBER" });
    expect(validate(PRESETS.canonical, { unit_price: "1.200,50" })).toMatchObject({ ok: false, reason: "BAD_NUMBER" });
    for (const name of ["canonical", "supermarket-sales", "superstore"] as const) {
      const readers = createRecordReaders(PRESETS[name]);
      expect(readers.cleanNumber).toBeNull();
      expect(PRESETS[name]).not.toHaveProperty("numberFormat");
      expect(PRESETS[name]).not.toHaveProperty("unitWords");
      expect(PRESETS[name]).not.toHaveProperty("dateFormats");
    }
    const valid = validate(PRESETS.canonical, { unit_price: "1200.00" });
    expect(valid).toMatchObject({ ok: true, row: { unitPrice: "1200.00" } });
    expect(valid.ok && valid.cleaned).toBeUndefined();
  });
});

describe("dates", () => {
  const AUTO = mappingSchema.parse({ dateFormats: ["auto"] });

  it.each([
    ["2025-01-26", "2025-01-26 00:00:00"],
    ["2025-01-26T14:30:05", "2025-01-26 14:30:05"],
    ["2025-01-26T14:30:05Z", "2025-01-26 14:30:05+00:00"],
    ["2025-01-26 14:30+03:00", "2025-01-26 14:30:00+03:00"],
    ["2025/01/26", "2025-01-26 00:00:00"],
    ["2025.1.26", "2025-01-26 00:00:00"],
    ["26-01-2025", "2025-01-26 00:00:00"],
    ["26/01/2025 09:15", "2025-01-26 09:15:00"],
    ["01/26/2025", "2025-01-26 00:00:00"],
    ["03/03/2025", "2025-03-03 00:00:00"],
    ["Jan 26, 2025", "2025-01-26 00:00:00"],
    ["Jan. 26, 2025", "2025-01-26 00:00:00"],
    ["January 26 2025", "2025-01-26 00:00:00"],
    ["SEPT 3rd, 2025", "2025-09-03 00:00:00"],
    ["26 Jan 2025", "2025-01-26 00:00:00"],
    ["26th January 2025", "2025-01-26 00:00:00"],
    ["26-Jan-2025", "2025-01-26 00:00:00"],
    ["Jan 26, 2025 3:45 PM", "2025-01-26 15:45:00"],
    ["Jan 26, 2025, 12:05 am", "2025-01-26 00:05:00"],
    ["26 Jan 2025 12:00 p.m.", "2025-01-26 12:00:00"],
    ["26 Jan 2025 18:20:09", "2025-01-26 18:20:09"],
    ["2024-02-29", "2024-02-29 00:00:00"],
  ])("auto reads %j as %s", (written, normalized) => {
    expect(validate(AUTO, { order_date: written })).toMatchObject({ ok: true, row: { orderDate: normalized } });
  });

  it.each([
    ["03/04/2025", "is ambiguous: day and month could be swapped; set dateFormats"],
    ["04-03-2025 10:00", "is ambiguous: day and month could be swapped; set dateFormats"],
    ["12.11.2025", "is ambiguous: day and month could be swapped; set dateFormats"],
    ["31/02/2025", "is not a valid date"],
    ["13/13/2025", "is not a valid date"],
    ["2025-02-29", "is not a valid date"],
    ["26/01/25", "is not a valid date"],
    ["Foo 26, 2025", "is not a valid date"],
    ["Jan 26, 2025 13:00 PM", "is not a valid date"],
    ["26 Jan 2025 24:00", "is not a valid date"],
    ["26 Jan 1899", "is not a valid date"],
    ["yesterday", "is not a valid date"],
  ])("auto refuses %j", (written, why) => {
    expect(validate(AUTO, { order_date: written })).toEqual({ ok: false, reason: "BAD_DATE", message: `order_date "${written}" ${why}` });
  });

  it("tries the formats in order: a day-first format settles what auto finds ambiguous", () => {
    const dayFirst = mappingSchema.parse({ dateFormats: ["D/M/YYYY", "auto"] });
    expect(validate(dayFirst, { order_date: "03/04/2025" })).toMatchObject({ ok: true, row: { orderDate: "2025-04-03 00:00:00" } });
    expect(validate(dayFirst, { order_date: "Jan 26, 2025" })).toMatchObject({ ok: true, row: { orderDate: "2025-01-26 00:00:00" } });
    const autoFirst = mappingSchema.parse({ dateFormats: ["auto", "M/D/YYYY"] });
    expect(validate(autoFirst, { order_date: "03/04/2025" })).toMatchObject({ ok: true, row: { orderDate: "2025-03-04 00:00:00" } });
    const isoOnly = mappingSchema.parse({ dateFormats: ["iso", "YYYYMMDD"] });
    expect(validate(isoOnly, { order_date: "20250126" })).toMatchObject({ ok: true, row: { orderDate: "2025-01-26 00:00:00" } });
    expect(validate(isoOnly, { order_date: "03/04/2025" })).toMatchObject({
      ok: false,
      message: 'order_date "03/04/2025" is not a valid date',
    });
  });

  it("keeps dateFormat working, and dateFormats replaces it", () => {
    const single = mappingSchema.parse({ dateFormat: "M/D/YYYY H:mm" });
    expect(validate(single, { order_date: "1/5/2019 13:08" })).toMatchObject({ ok: true, row: { orderDate: "2019-01-05 13:08:00" } });
    expect(validate(single, { order_date: "Jan 5, 2019" })).toMatchObject({ ok: false, reason: "BAD_DATE" });
    const both = mappingSchema.parse({ dateFormat: "M/D/YYYY", dateFormats: ["auto"] });
    expect(validate(both, { order_date: "1/5/2019" })).toMatchObject({
      ok: false,
      reason: "BAD_DATE",
      message: expect.stringContaining("ambiguous"),
    });
  });
});

describe("the mapping schema", () => {
  it("refuses formats that cannot work, when the mapping is read", () => {
    expect(mappingSchema.safeParse({ dateFormats: ["DD/MM"] }).error?.issues[0]?.message).toBe('date format "DD/MM" has no year');
    expect(mappingSchema.safeParse({ dateFormat: "HH:mm" }).success).toBe(false);
    expect(mappingSchema.safeParse({ dateFormats: [] }).success).toBe(false);
    expect(mappingSchema.safeParse({ numberFormat: { decimal: ",", thousands: "," } }).error?.issues[0]?.message).toBe(
      "decimal and thousands separators must differ",
    );
    expect(mappingSchema.safeParse({ numberFormat: { thousands: "_" } }).success).toBe(false);
  });

  it("takes a list of unit words of one's own instead of the defaults", () => {
    const boxes = mappingSchema.parse({ unitWords: ["boxes", "box"] });
    expect(validate(boxes, { quantity: "3 boxes" })).toMatchObject({ ok: true, row: { quantity: 3 } });
    expect(validate(boxes, { quantity: "3 pcs" })).toMatchObject({ ok: false, reason: "BAD_NUMBER" });
    expect(validate(boxes, { unit_price: "$5" })).toMatchObject({ ok: false, reason: "BAD_NUMBER" });
  });
});
