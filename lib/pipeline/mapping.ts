// How a file's columns become canonical ones: a preset or a mapping file
// `{ delimiter, encoding, dateFormat, columns: { canonical: source column(s) }, constants, sourceKey }`.
import { z } from "zod";

import { CANONICAL_COLUMNS, type CanonicalColumn, type CanonicalRecord } from "./columns";

const canonicalColumn = z.enum(CANONICAL_COLUMNS);

export const mappingSchema = z.object({
  delimiter: z.enum([",", ";", "\t", "auto"]).default("auto"),
  encoding: z.enum(["utf-8", "windows-1252", "cp437", "cp850", "latin1"]).default("utf-8"),
  /** Tokens YYYY, M(M), D(D), H(H), mm, ss; "iso" accepts YYYY-MM-DD[THH:mm[:ss]][Z|±hh:mm]. */
  dateFormat: z.string().min(1).max(40).default("iso"),
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
