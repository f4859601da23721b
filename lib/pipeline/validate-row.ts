// Validates one canonical record: either a normalized row for staging or a reason code
// with a readable message. Pure, so property tests can drive it with thousands of rows.
import type { CleanedValue, NumberCleaner, NumericColumn } from "./clean-values";
import type { CanonicalColumn, CanonicalRecord, Rejection, StagedRow } from "./columns";
import { AMBIGUOUS, type DateParser } from "./parse-date";

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

/** A valid row, with the values its mapping cleaned (if any); or why it was rejected. */
export type Validation = { ok: true; row: StagedRow; cleaned?: CleanedValue[] } | ({ ok: false } & Rejection);

export interface RecordReaders {
  parseDate: DateParser;
  /** The mapping's number cleaning; null or absent: numbers must be plain. */
  cleanNumber?: NumberCleaner | null;
}

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

/** A number column as plain text; `text` is the value as written, for messages and the run log. */
type ReadNumber = { value: string | null; text: string; error?: Validation };

function readNumber(record: CanonicalRecord, column: NumericColumn, maxDigits: number, clean: NumberCleaner | null): ReadNumber {
  const text = cleanText(record[column]);
  if (text === "") return { value: null, text };
  const value = clean ? clean(column, text) : text;
  const match = value === null ? null : DECIMAL_RE.exec(value);
  if (!match) return { value: null, text, error: reject("BAD_NUMBER", `${column} "${text.slice(0, 40)}" is not a number`) };
  if (match[2]!.replace(/^0+/, "").length > maxDigits)
    return { value: null, text, error: reject("BAD_NUMBER", `${column} ${text} is out of range`) };
  return { value, text };
}

const isNegative = (value: string | null) => value !== null && value.startsWith("-") && /[1-9]/.test(value);

/** The numbers the cleaner changed, as written and as read. */
function cleanedValues(numbers: readonly (readonly [NumericColumn, ReadNumber])[]): CleanedValue[] | undefined {
  let cleaned: CleanedValue[] | undefined;
  for (const [column, { value, text }] of numbers) {
    if (value !== null && value !== text) (cleaned ??= []).push({ column, from: text, to: value });
  }
  return cleaned;
}

export function validateRecord(record: CanonicalRecord, { parseDate, cleanNumber = null }: RecordReaders): Validation {
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
  const quantityValue = cleanNumber ? cleanNumber("quantity", quantityText) : quantityText;
  if (quantityValue === null || !INTEGER_RE.test(quantityValue))
    return reject("BAD_NUMBER", `quantity "${quantityText.slice(0, 40)}" is not a whole number`);
  if (!/^\d{1,9}$/.test(lineText) || Number(lineText) < 1)
    return reject("BAD_NUMBER", `line "${lineText.slice(0, 40)}" is not a positive whole number`);
  const unitPrice = readNumber(record, "unit_price", MAX_PRICE_DIGITS, cleanNumber);
  const lineAmount = readNumber(record, "line_amount", MAX_LINE_DIGITS, cleanNumber);
  const unitCost = readNumber(record, "unit_cost", MAX_PRICE_DIGITS, cleanNumber);
  const lineProfit = readNumber(record, "line_profit", MAX_LINE_DIGITS, cleanNumber);
  const discount = readNumber(record, "discount", 3, cleanNumber);
  const numberError = [unitPrice, lineAmount, unitCost, lineProfit, discount].find((parsed) => parsed.error)?.error;
  if (numberError) return numberError;
  const quantity = Number(quantityValue);
  if (quantity <= 0) return reject("NON_POSITIVE_QUANTITY", `quantity ${quantityText} is not positive`);
  if (quantity > MAX_QUANTITY) return reject("BAD_NUMBER", `quantity ${quantityText} is out of range`);
  const negative = (
    [
      ["unit_price", unitPrice],
      ["line_amount", lineAmount],
      ["unit_cost", unitCost],
    ] as const
  ).find(([, read]) => isNegative(read.value));
  if (negative) return reject("NEGATIVE_PRICE", `${negative[0]} ${negative[1].text} is negative`);
  const discountValue = Number(discount.value ?? "0");
  if (discountValue < 0 || discountValue >= 1) return reject("DISCOUNT_OUT_OF_RANGE", `discount ${discount.text} is not in [0, 1)`);
  // The unit price implied by a line amount must fit Decimal(16,4) too.
  if (unitPrice.value === null && Number(lineAmount.value) / quantity / (1 - discountValue) >= 1e11) {
    return reject("BAD_NUMBER", `line_amount ${lineAmount.text} implies a unit price out of range`);
  }
  const dateText = text.order_date!;
  const orderDate = parseDate(dateText);
  if (orderDate === AMBIGUOUS) {
    return reject("BAD_DATE", `order_date "${dateText.slice(0, 40)}" is ambiguous: day and month could be swapped; set dateFormats`);
  }
  if (orderDate === null) return reject("BAD_DATE", `order_date "${dateText.slice(0, 40)}" is not a valid date`);
  const cleaned = cleanNumber
    ? cleanedValues([
        ["quantity", { value: quantityValue, text: quantityText }],
        ["unit_price", unitPrice],
        ["line_amount", lineAmount],
        ["unit_cost", unitCost],
        ["line_profit", lineProfit],
        ["discount", discount],
      ])
    : undefined;

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
    cleaned,
  };
}
