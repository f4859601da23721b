// Validates one canonical record: either a normalized row for staging or a reason code
// with a readable message. Pure, so property tests can drive it with thousands of rows.
import type { CanonicalColumn, CanonicalRecord, Rejection, StagedRow } from "./columns";
import type { DateParser } from "./parse-date";

export const MAX_TEXT_LENGTH = 200;
// Bounds keep every computed amount inside Decimal(16,4): quantity × price < 10^12.
const MAX_QUANTITY = 100_000;
const MAX_PRICE_DIGITS = 7;
const MAX_LINE_DIGITS = 10;

export const REQUIRED_COLUMNS: readonly CanonicalColumn[] = [
  "order_id",
  "line",
  "order_date",
  "business_unit",
  "region",
  "branch",
  "salesperson",
  "customer",
  "product_sku",
  "quantity",
];
const TEXT: readonly CanonicalColumn[] = [...REQUIRED_COLUMNS, "customer_name", "product_name", "product_line", "category"] as const;
const DECIMAL_RE = /^(-?)(\d+)(?:\.\d+)?$/;
const INTEGER_RE = /^-?\d+$/;

export type Validation = { ok: true; row: StagedRow } | ({ ok: false } & Rejection);

const reject = (reason: Rejection["reason"], message: string): Validation => ({ ok: false, reason, message });

/** Drops what PostgreSQL text and jsonb cannot hold: NUL and lone surrogates. */
export function storableText(value: string): string {
  // The check is cheap and nearly always passes; the repair allocates.
  if (value.isWellFormed() && !value.includes("\u0000")) return value;
  return value.toWellFormed().replaceAll("\u0000", "");
}

export function cleanText(value: string | undefined): string {
  return value === undefined ? "" : storableText(value).trim();
}

function decimal(record: CanonicalRecord, column: CanonicalColumn, maxDigits: number): { value: string | null; error?: Validation } {
  const text = cleanText(record[column]);
  if (text === "") return { value: null };
  const match = DECIMAL_RE.exec(text);
  if (!match) return { value: null, error: reject("BAD_NUMBER", `${column} "${text.slice(0, 40)}" is not a number`) };
  if (match[2]!.replace(/^0+/, "").length > maxDigits)
    return { value: null, error: reject("BAD_NUMBER", `${column} ${text} is out of range`) };
  return { value: text };
}

const isNegative = (value: string | null) => value !== null && value.startsWith("-") && /[1-9]/.test(value);

export function validateRecord(record: CanonicalRecord, parseDate: DateParser): Validation {
  const text: Partial<Record<CanonicalColumn, string>> = {};
  for (const column of TEXT) {
    const value = cleanText(record[column]);
    if (value.length > MAX_TEXT_LENGTH)
      return reject("FIELD_TOO_LONG", `${column} has ${value.length} characters (at most ${MAX_TEXT_LENGTH})`);
    text[column] = value;
  }
  const missing = REQUIRED_COLUMNS.find((column) => text[column] === "");
  if (missing) return reject("MISSING_FIELD", `${missing} is empty`);
  if (cleanText(record.unit_price) === "" && cleanText(record.line_amount) === "")
    return reject("MISSING_FIELD", "unit_price or line_amount is required");

  const quantityText = text.quantity!;
  const lineText = text.line!;
  if (!INTEGER_RE.test(quantityText)) return reject("BAD_NUMBER", `quantity "${quantityText.slice(0, 40)}" is not a whole number`);
  if (!/^\d{1,9}$/.test(lineText) || Number(lineText) < 1)
    return reject("BAD_NUMBER", `line "${lineText.slice(0, 40)}" is not a positive whole number`);
  const unitPrice = decimal(record, "unit_price", MAX_PRICE_DIGITS);
  const lineAmount = decimal(record, "line_amount", MAX_LINE_DIGITS);
  const unitCost = decimal(record, "unit_cost", MAX_PRICE_DIGITS);
  const lineProfit = decimal(record, "line_profit", MAX_LINE_DIGITS);
  const discount = decimal(record, "discount", 3);
  const numberError = [unitPrice, lineAmount, unitCost, lineProfit, discount].find((parsed) => parsed.error)?.error;
  if (numberError) return numberError;
  const quantity = Number(quantityText);
  if (quantity <= 0) return reject("NON_POSITIVE_QUANTITY", `quantity ${quantityText} is not positive`);
  if (quantity > MAX_QUANTITY) return reject("BAD_NUMBER", `quantity ${quantityText} is out of range`);
  const negative = (
    [
      ["unit_price", unitPrice.value],
      ["line_amount", lineAmount.value],
      ["unit_cost", unitCost.value],
    ] as const
  ).find(([, v]) => isNegative(v));
  if (negative) return reject("NEGATIVE_PRICE", `${negative[0]} ${negative[1]} is negative`);
  const discountValue = Number(discount.value ?? "0");
  if (discountValue < 0 || discountValue >= 1) return reject("DISCOUNT_OUT_OF_RANGE", `discount ${discount.value} is not in [0, 1)`);
  // The unit price implied by a line amount must fit Decimal(16,4) too.
  if (unitPrice.value === null && Number(lineAmount.value) / quantity / (1 - discountValue) >= 1e11) {
    return reject("BAD_NUMBER", `line_amount ${lineAmount.value} implies a unit price out of range`);
  }
  const orderDate = parseDate(text.order_date!);
  if (!orderDate) return reject("BAD_DATE", `order_date "${text.order_date!.slice(0, 40)}" is not a valid date`);

  return {
    ok: true,
    row: {
      orderId: text.order_id!,
      line: Number(lineText),
      orderDate,
      businessUnit: text.business_unit!.toLowerCase(),
      region: text.region!,
      branch: text.branch!,
      salesperson: text.salesperson!,
      customer: text.customer!,
      customerName: text.customer_name || text.customer!,
      productSku: text.product_sku!,
      productName: text.product_name || text.product_sku!,
      productLine: text.product_line || "Uncategorized",
      category: text.category || text.product_line || "Uncategorized",
      quantity,
      unitPrice: unitPrice.value,
      lineAmount: lineAmount.value,
      unitCost: unitCost.value ?? "0",
      lineProfit: lineProfit.value,
      discount: discount.value ?? "0",
    },
  };
}
