// Which mapping fits a file: a preset or saved mapping whose columns its header has (whatever the
// case or spacing), else a suggestion from column names and sample values for someone to review.
// Pure and client-safe: the upload route and the New run dialog's suggestion route share it.
import { CANONICAL_COLUMNS, type CanonicalColumn } from "./columns";
import type { CsvSample } from "./csv-sample";
import { mappingSchema, PRESET_NAMES, PRESETS, type Mapping } from "./mapping";
import { createDateParser } from "./parse-date";
import type { MappingDetection } from "./saved-mapping-schemas";
import { REQUIRED_COLUMNS } from "./validate-row";

/** How `missingColumns` names the price: either column will do. */
export const PRICE_GAP = "unit_price|line_amount";

export interface MappingCandidate {
  name: string;
  mapping: Mapping;
  /** A saved mapping's id; presets have none. */
  id?: number;
}

const sourcesOf = (from: string | readonly string[]) => (typeof from === "string" ? [from] : from);
/** Header names compared as a person reads them: case and runs of spaces aside. */
const headerKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
/** Column names compared for synonyms: letters and digits only, accents dropped ("Invoice No." → "invoiceno"). */
const looseKey = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/**
 * The required canonical columns `mapping` feeds from nothing: no constant and no source column or,
 * given the file's header, a source column the header lacks (as the run would find it).
 */
export function missingColumns(mapping: Mapping, header?: readonly string[]): string[] {
  const names = header === undefined ? undefined : new Set(header);
  const fed = (column: CanonicalColumn) => {
    if ((mapping.constants[column] ?? "").trim() !== "") return true;
    const from = mapping.columns[column];
    return from !== undefined && (names === undefined || sourcesOf(from).every((name) => names.has(name)));
  };
  const missing: string[] = REQUIRED_COLUMNS.filter((column) => !fed(column));
  if (!fed("unit_price") && !fed("line_amount")) missing.push(PRICE_GAP);
  return missing;
}

/** `mapping` with its source columns spelled as `header` spells them where only case or spacing differ. */
function fitToHeader(mapping: Mapping, header: readonly string[]): Mapping {
  const exact = new Set(header);
  const byKey = new Map<string, string>();
  for (const name of header) if (!byKey.has(headerKey(name))) byKey.set(headerKey(name), name);
  const spell = (name: string) => (exact.has(name) ? name : (byKey.get(headerKey(name)) ?? name));
  let changed = false;
  const columns: Mapping["columns"] = {};
  for (const [column, from] of Object.entries(mapping.columns) as [CanonicalColumn, string | string[]][]) {
    const spelled = typeof from === "string" ? spell(from) : from.map(spell);
    changed ||= sourcesOf(spelled).some((name, index) => name !== sourcesOf(from)[index]);
    columns[column] = spelled;
  }
  // An unchanged mapping stays the very object, so a preset is recorded as the preset.
  return changed ? { ...mapping, columns } : mapping;
}

/**
 * The candidate whose required columns the header all has, preferring the one that uses most of the
 * header (the most specific); its mapping fitted to the header's spelling. Null when none fits.
 */
function matchHeader<T extends MappingCandidate>(candidates: readonly T[], header: readonly string[]) {
  const names = new Set(header);
  let best: { candidate: T; mapping: Mapping; used: number } | null = null;
  for (const candidate of candidates) {
    const mapping = fitToHeader(candidate.mapping, header);
    if (missingColumns(mapping, header).length > 0) continue;
    const used = new Set(
      Object.values(mapping.columns)
        .flatMap(sourcesOf)
        .filter((name) => names.has(name)),
    ).size;
    // A mapping made of constants alone would fit any file.
    if (used > 0 && used > (best?.used ?? 0)) best = { candidate, mapping, used };
  }
  return best;
}

// Names a column goes by, most telling first; English, Spanish and Portuguese, compared by `looseKey`.
const SYNONYMS: Record<CanonicalColumn, readonly string[]> = {
  order_id: ["order id", "order no", "order number", "invoice id", "invoice no", "invoice number", "receipt no", "receipt number"].concat([
    "transaction id",
    "order",
    "invoice",
    "receipt",
    "ticket",
    "pedido",
    "factura",
    "fatura",
    "nota fiscal",
  ]),
  line: ["line", "line no", "line number", "row id", "item no", "item number", "position", "linea", "linha"],
  order_date: [
    "order date",
    "date",
    "sale date",
    "sales date",
    "invoice date",
    "transaction date",
    "sold at",
    "datetime",
    "timestamp",
  ].concat(["fecha", "fecha venta", "data", "data venda"]),
  business_unit: ["business unit", "unit", "bu", "company", "division", "unidad de negocio", "unidade de negocio"],
  region: ["region", "area", "zone", "territory", "province", "county", "city", "ciudad", "cidade", "provincia"],
  branch: ["branch", "store", "outlet", "shop", "location", "site", "state", "sucursal", "tienda", "loja", "filial"],
  salesperson: ["salesperson", "sales person", "sales rep", "rep", "seller", "cashier", "agent", "employee", "vendedor", "cajero"],
  customer: ["customer id", "customer code", "customer", "client id", "client", "customer type", "cliente", "codigo cliente"],
  customer_name: ["customer name", "client name", "nombre cliente", "nome cliente"],
  product_sku: ["sku", "product id", "product code", "item code", "item id", "article", "product", "item", "codigo", "producto", "produto"],
  product_name: ["product name", "item name", "description", "product", "item", "descripcion", "descricao"],
  product_line: ["product line", "line of business", "family", "familia", "linea de producto", "linha de produto"],
  category: ["category", "sub category", "subcategory", "department", "group", "categoria", "departamento"],
  quantity: ["quantity", "qty", "quantity ordered", "units", "pieces", "pcs", "cantidad", "quantidade", "qtd", "qtde"],
  unit_price: ["unit price", "price", "price each", "rate", "precio", "precio unitario", "preco", "preco unitario", "valor unitario"],
  line_amount: [
    "line amount",
    "line total",
    "amount",
    "total",
    "sales",
    "revenue",
    "net amount",
    "importe",
    "monto",
    "valor",
    "venta",
  ].concat(["ventas", "valor total"]),
  unit_cost: ["unit cost", "cost", "costo", "custo", "costo unitario", "custo unitario"],
  line_profit: ["profit", "gross income", "margin", "ganancia", "utilidad", "lucro"],
  discount: ["discount", "disc", "descuento", "desconto"],
};

// Tried in order: month-first before day-first, as the public datasets write dates.
const DATE_FORMATS = ["iso", "M/D/YYYY", "D/M/YYYY", "M/D/YYYY H:mm", "D/M/YYYY H:mm", "M/D/YYYY H:mm:ss", "D/M/YYYY H:mm:ss"].concat([
  "D.M.YYYY",
  "D.M.YYYY H:mm",
  "D-M-YYYY",
  "YYYY/M/D",
  "YYYY/M/D H:mm",
]);

/** What a file says of no one: one line per order, and placeholders a reviewer can replace. */
const DEFAULT_CONSTANTS: Partial<Record<CanonicalColumn, string>> = {
  line: "1",
  region: "unassigned",
  salesperson: "unassigned",
  customer: "walk-in",
};

/** The date format every non-empty value reads with, if any. */
function dateFormatOf(values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  return DATE_FORMATS.find((format) => {
    const parse = createDateParser(format);
    return values.every((value) => typeof parse(value) === "string");
  });
}

type Shape = "date" | "integer" | "decimal" | "text";

function shapeOf(values: readonly string[]): Shape | undefined {
  if (values.length === 0) return undefined;
  if (dateFormatOf(values)) return "date";
  if (values.every((value) => /^\d{1,5}$/.test(value) && Number(value) > 0)) return "integer";
  if (values.every((value) => /^-?\d*\.?\d+$/.test(value))) return "decimal";
  return "text";
}

/**
 * A mapping read off column names (synonyms) and then sample values: dates → order_date, whole
 * numbers → quantity, other numbers → unit_price. Columns no file names get a placeholder constant,
 * `business_unit` the given unit; what is still unfed is listed in `missing`.
 */
export function suggestMapping({ header, samples }: CsvSample, { businessUnit }: { businessUnit?: string | null } = {}): MappingDetection {
  const valuesOf = (index: number) => samples.map((record) => (record[index] ?? "").trim()).filter((value) => value !== "");
  const keys = header.map(looseKey);
  const used = new Set<number>();
  const chosen = new Map<CanonicalColumn, number>();
  const take = (column: CanonicalColumn, index: number | undefined) => {
    if (index === undefined || index < 0) return;
    chosen.set(column, index);
    used.add(index);
  };

  for (const column of CANONICAL_COLUMNS) {
    for (const synonym of SYNONYMS[column]) {
      const index = keys.findIndex((key, position) => !used.has(position) && key !== "" && key === looseKey(synonym));
      if (index >= 0) {
        take(column, index);
        break;
      }
    }
  }

  const shapes = header.map((_, index) => shapeOf(valuesOf(index)));
  const unusedOfShape = (shape: Shape) => shapes.findIndex((candidate, index) => candidate === shape && !used.has(index));
  if (!chosen.has("order_date")) take("order_date", unusedOfShape("date"));
  if (!chosen.has("quantity")) take("quantity", unusedOfShape("integer"));
  if (!chosen.has("unit_price") && !chosen.has("line_amount")) take("unit_price", unusedOfShape("decimal"));

  const dateColumn = chosen.get("order_date");
  const dateFormat = (dateColumn === undefined ? undefined : dateFormatOf(valuesOf(dateColumn))) ?? "iso";
  const constants: Partial<Record<CanonicalColumn, string>> = {};
  for (const [column, value] of Object.entries({ ...DEFAULT_CONSTANTS, business_unit: businessUnit ?? undefined })) {
    if (value && !chosen.has(column as CanonicalColumn)) constants[column as CanonicalColumn] = value;
  }
  const columns = Object.fromEntries([...chosen].map(([column, index]) => [column, header[index]]));
  const mapping = mappingSchema.parse({ dateFormat, columns, constants });
  return { match: "suggested", name: null, savedMappingId: null, mapping, missing: missingColumns(mapping, header) };
}

/** A preset whose columns the header has, else a saved mapping's, else a suggestion. */
export function detectMapping(
  sample: CsvSample,
  { saved = [], businessUnit }: { saved?: readonly MappingCandidate[]; businessUnit?: string | null } = {},
): MappingDetection {
  const preset = matchHeader(
    PRESET_NAMES.map((name) => ({ name, mapping: PRESETS[name] })),
    sample.header,
  );
  if (preset) return { match: "preset", name: preset.candidate.name, savedMappingId: null, mapping: preset.mapping, missing: [] };
  const own = matchHeader(saved, sample.header);
  if (own) return { match: "saved", name: own.candidate.name, savedMappingId: own.candidate.id ?? null, mapping: own.mapping, missing: [] };
  return suggestMapping(sample, { businessUnit });
}
