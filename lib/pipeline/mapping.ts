// How a file's columns become canonical ones: a preset or a mapping file
// `{ delimiter, encoding, dateFormat(s), numberFormat, unitWords, columns: { canonical: source column(s) }, constants, sourceKey }`.
import { z } from "zod";

import { createNumberCleaner } from "./clean-values";
import { CANONICAL_COLUMNS, type CanonicalColumn, type CanonicalRecord } from "./columns";
import { createDateParser, dateFormatProblem } from "./parse-date";
import type { RecordReaders } from "./validate-row";

const canonicalColumn = z.enum(CANONICAL_COLUMNS);
// A format that cannot compile fails the mapping (422 on upload), not the run.
const dateFormatSchema = z
  .string()
  .min(1)
  .max(40)
  .superRefine((format, context) => {
    const problem = dateFormatProblem(format);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

export const mappingSchema = z.object({
  delimiter: z.enum([",", ";", "\t", "auto"]).default("auto"),
  encoding: z.enum(["utf-8", "windows-1252", "cp437", "cp850", "latin1"]).default("utf-8"),
  /** Tokens YYYY, M(M), D(D), H(H), mm, ss; "iso" accepts YYYY-MM-DD[THH:mm[:ss]][Z|±hh:mm]. */
  dateFormat: dateFormatSchema.default("iso"),
  /** Formats tried in order, replacing `dateFormat`; "auto" reads the common unambiguous forms. */
  dateFormats: z.array(dateFormatSchema).min(1).max(8).optional(),
  /** Numbers as people write them ("$1,200.00", "1.200,50"); absent: plain numbers only. */
  numberFormat: z
    .object({
      decimal: z.enum([".", ",", "auto"]).default("."),
      thousands: z.enum([",", ".", " ", "'", ""]).default(""),
      currency: z.boolean().default(false),
    })
    .refine((format) => format.decimal !== format.thousands, "decimal and thousands separators must differ")
    .optional(),
  /** Words after a number to drop ("3 pcs", "500 dollars"): true for the default list, or a list. */
  unitWords: z.union([z.boolean(), z.array(z.string().min(1).max(20)).max(50)]).optional(),
  /** A list of source columns is joined with a space (a date column and a time column). */
  columns: z.partialRecord(canonicalColumn, z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])).default({}),
  constants: z.partialRecord(canonicalColumn, z.string()).default({}),
  /** Prefix of every external key (`<sourceKey>:<order_id>:<line>`), so two sources never collide. */
  sourceKey: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/)
    .default("file"),
});

export type Mapping = z.output<typeof mappingSchema>;

/** The mapping's date parser and number cleaner, compiled once per run. */
export function createRecordReaders(mapping: Mapping): RecordReaders {
  return { parseDate: createDateParser(mapping.dateFormats ?? mapping.dateFormat), cleanNumber: createNumberCleaner(mapping) };
}

const identity = Object.fromEntries(CANONICAL_COLUMNS.map((column) => [column, column])) as Record<CanonicalColumn, string>;

// Business-unit constants per dataset: only orglight and perfil exist, so each public
// dataset is filed under one of them (documented in tests/fixtures/README.md).
export const PRESETS = {
  canonical: mappingSchema.parse({ columns: identity, sourceKey: "canonical" }),
  "supermarket-sales": mappingSchema.parse({
    delimiter: ",",
    dateFormat: "M/D/YYYY H:mm",
    sourceKey: "supermarket",
    columns: {
      order_id: "Invoice ID",
      order_date: ["Date", "Time"],
      region: "City",
      branch: "Branch",
      customer: "Customer type",
      product_sku: "Product line",
      product_name: "Product line",
      product_line: "Product line",
      category: "Product line",
      quantity: "Quantity",
      // Total includes the 5 % tax and cogs = unit price × quantity, so profit is the gross income.
      line_amount: "Total",
      unit_cost: "Unit price",
    },
    constants: { line: "1", business_unit: "orglight", salesperson: "supermarket-counter", discount: "0" },
  }),
  superstore: mappingSchema.parse({
    delimiter: ",",
    dateFormat: "M/D/YYYY",
    sourceKey: "superstore",
    columns: {
      order_id: "Order ID",
      line: "Row ID",
      order_date: "Order Date",
      region: "Region",
      // A state lies in one region; cities do not (44 city names span regions).
      branch: "State",
      customer: "Customer ID",
      customer_name: "Customer Name",
      product_sku: "Product ID",
      product_name: "Product Name",
      product_line: "Category",
      category: "Sub-Category",
      quantity: "Quantity",
      line_amount: "Sales",
      line_profit: "Profit",
      discount: "Discount",
    },
    constants: { business_unit: "perfil", salesperson: "superstore-online" },
  }),
  // The CSV layout of the Python tool Pulseboard replaces: one line per ID, dates in mixed forms,
  // prices as typed at the till, no customer and no salesperson.
  fluxcli: mappingSchema.parse({
    delimiter: ",",
    dateFormats: ["auto"],
    numberFormat: { decimal: "auto", currency: true },
    unitWords: true,
    sourceKey: "fluxcli",
    columns: {
      order_id: "ID",
      order_date: "Date",
      branch: "Store_ID",
      product_sku: "Product",
      product_name: "Product",
      product_line: "Product",
      category: "Product",
      quantity: "Qty",
      unit_price: "Price",
    },
    constants: { line: "1", business_unit: "orglight", region: "Stores", salesperson: "fluxcli-counter", customer: "walk-in" },
  }),
} as const satisfies Record<string, Mapping>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export function isPresetName(value: string): value is PresetName {
  return Object.hasOwn(PRESETS, value);
}

/** Maps one source record (fields in `header` order) onto the canonical columns. */
export function createRecordMapper(mapping: Mapping, header: readonly string[]): (fields: readonly string[]) => CanonicalRecord {
  const picks = (Object.entries(mapping.columns) as [CanonicalColumn, string | string[]][]).map(([column, from]) => ({
    column,
    indexes: (Array.isArray(from) ? from : [from]).map((name) => header.indexOf(name)),
  }));
  const constants = Object.entries(mapping.constants) as [CanonicalColumn, string][];
  return (fields) => {
    const record: CanonicalRecord = {};
    for (const { column, indexes } of picks) {
      record[column] = indexes.length === 1 ? fields[indexes[0]!] : indexes.map((position) => fields[position] ?? "").join(" ");
    }
    for (const [column, value] of constants) record[column] = value;
    return record;
  };
}

/** A source record as header → value, as a rejected row keeps it. */
export function sourceRecordOf(header: readonly string[], fields: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  header.forEach((name, position) => {
    if (fields[position] !== undefined) record[name] = fields[position];
  });
  return record;
}
