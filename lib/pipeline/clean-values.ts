// Turns numbers written for people ("$1,200.00", "1.200,50", "USD 500", "3 pcs") into plain
// decimal text, by the mapping's `numberFormat` and `unitWords`. Off unless a mapping asks, so
// canonical files stay strict. Compiled once per run; plain numbers take a single regex test.
export interface NumberFormat {
  /** "auto": a comma followed by one or two final digits is decimal, otherwise a dot is. */
  decimal: "." | "," | "auto";
  thousands: "," | "." | " " | "'" | "";
  /** Strip a currency symbol or ISO code before or after the number. */
  currency: boolean;
}

export interface CleaningOptions {
  numberFormat?: NumberFormat;
  /** Words after a number to drop: true for DEFAULT_UNIT_WORDS, or a list of one's own. */
  unitWords?: boolean | readonly string[];
}

export type NumericColumn = "quantity" | "unit_price" | "line_amount" | "unit_cost" | "line_profit" | "discount";

/** Plain number text ("-1200.50"), or null when `text` is not a number in the mapping's format. */
export type NumberCleaner = (column: NumericColumn, text: string) => string | null;

export interface CleanedValue {
  column: NumericColumn;
  from: string;
  to: string;
}

export const DEFAULT_UNIT_WORDS = [
  ...["pcs", "pc", "pieces", "piece", "units", "unit", "items", "item", "ea", "each"],
  // Money words, and "/=" as Kenyan prices are written ("500/=").
  ...["dollars", "dollar", "euros", "euro", "pounds", "shillings", "shilling", "/="],
] as const;

const CURRENCY_SIGNS = ["US$", "R$", "$", "€", "£", "¥", "₹", "₦", "₵", "₩", "₱", "₺", "₽", "₪"];
// Codes and abbreviations, which may end with a dot ("Ksh. 500").
const CURRENCY_CODES = ["USD", "EUR", "GBP", "KES", "UGX", "TZS", "RWF", "ETB", "ZAR", "NGN", "GHS", "EGP", "MAD", "INR", "JPY"]
  .concat(["CNY", "CHF", "CAD", "AUD", "NZD", "BRL", "MXN", "ARS", "CLP", "COP", "PEN", "SEK", "NOK", "DKK", "PLN"])
  .concat(["KShs", "KSh", "TSh", "USh", "Sh"]);
// Grouping spaces as spreadsheets write them: plain, no-break and narrow no-break.
const SEPARATOR_PATTERNS: Record<NumberFormat["thousands"], string> = {
  ",": ",",
  ".": "\\.",
  " ": "[ \u00a0\u202f]",
  "'": "['\u2019]",
  "": "",
};
const DIGITS = /^\d+$/;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
// Longest first, so "US$" wins over "$" and "units" over "unit".
const alternatives = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");

const DECIMAL_COMMA = /,\d{1,2}$/;

/** Reads "1,234.50"-style text with the given separators as plain decimal text, or null. */
function plainReader(decimal: "." | ",", thousands: NumberFormat["thousands"]): (text: string) => string | null {
  const separator = SEPARATOR_PATTERNS[thousands];
  const grouped = separator ? new RegExp(`^\\d{1,3}(?:${separator}\\d{3})+$`) : null;
  const separators = separator ? new RegExp(separator, "g") : null;
  return (text) => {
    const negative = text.startsWith("-") || text.startsWith("\u2212");
    const unsigned = negative ? text.slice(1) : text;
    const at = unsigned.indexOf(decimal);
    const whole = at === -1 ? unsigned : unsigned.slice(0, at);
    const fraction = at === -1 ? "" : unsigned.slice(at + 1);
    if (at !== -1 && !DIGITS.test(fraction)) return null;
    let digits: string;
    if (DIGITS.test(whole)) digits = whole;
    else if (grouped?.test(whole)) digits = whole.replace(separators!, "");
    else return null;
    return `${negative ? "-" : ""}${digits}${at === -1 ? "" : `.${fraction}`}`;
  };
}

/**
 * Separators decided per value: a comma with one or two final digits is a decimal comma
 * ("715,00", "1.200,50"); anything else reads as English ("1,200.00", "1,200", "1.5").
 */
function autoReader(): (text: string) => string | null {
  const [english, continental] = [plainReader(".", ","), plainReader(",", ".")];
  return (text) => (DECIMAL_COMMA.test(text) ? continental(text) : english(text));
}

/** A cleaner for the mapping's options, or null when they clean nothing (the hot path then skips it). */
export function createNumberCleaner({ numberFormat, unitWords }: CleaningOptions): NumberCleaner | null {
  const words = unitWords === true ? DEFAULT_UNIT_WORDS : unitWords || [];
  if (numberFormat === undefined && words.length === 0) return null;
  const { decimal, thousands, currency } = numberFormat ?? { decimal: ".", thousands: "", currency: false };
  const plain = decimal === "," ? /^-?\d+$/ : /^-?\d+(?:\.\d+)?$/;
  const unitSuffix = words.length > 0 ? new RegExp(`(?<=\\d)\\s*(?:${alternatives(words)})\\.?$`, "i") : null;
  const money = `${alternatives(CURRENCY_SIGNS)}|(?:${alternatives(CURRENCY_CODES)})\\.?`;
  const currencyPrefix = currency ? new RegExp(`^([-\u2212]?)\\s*(?:${money})\\s*`, "i") : null;
  const currencySuffix = currency ? new RegExp(`(?<=\\d)\\s*(?:${money})$`, "i") : null;
  const toPlain = decimal === "auto" ? autoReader() : plainReader(decimal, thousands);

  return (column, text) => {
    if (plain.test(text)) return text;
    let rest = text;
    if (column !== "discount" && unitSuffix) rest = rest.replace(unitSuffix, "");
    if (column !== "discount" && column !== "quantity" && currencyPrefix) {
      const prefix = currencyPrefix.exec(rest);
      if (prefix) rest = prefix[1] + rest.slice(prefix[0].length);
      rest = rest.replace(currencySuffix!, "");
    }
    return toPlain(rest);
  };
}

export type CleaningTally = ReturnType<typeof createCleaningTally>;

/** Counts cleaned values and keeps an example of the first few columns, for the run log. */
export function createCleaningTally(examples = 3) {
  let count = 0;
  const samples = new Map<NumericColumn, CleanedValue>();
  return {
    add(cleaned: readonly CleanedValue[]) {
      count += cleaned.length;
      for (const value of cleaned) if (samples.size < examples && !samples.has(value.column)) samples.set(value.column, value);
    },
    /** E.g. `cleaned 1,234 values, e.g. unit_price "$1,200.00" → 1200.00`; null when nothing was cleaned. */
    summary(): string | null {
      if (count === 0) return null;
      const shown = [...samples.values()].map(({ column, from, to }) => `${column} ${JSON.stringify(from)} → ${to}`);
      return `cleaned ${count.toLocaleString("en")} ${count === 1 ? "value" : "values"}, e.g. ${shown.join(", ")}`;
    },
  };
}
