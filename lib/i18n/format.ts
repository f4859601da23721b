import type { Locale } from "./config";

// Building Intl formatters is slow next to using them; grids format thousands of cells.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** Money arrives as Decimal strings from the server; Intl formats those exactly. */
export type NumericValue = number | bigint | string;

function toFormattable(value: NumericValue): number | bigint | Intl.StringNumericLiteral {
  return typeof value === "string" ? (value.trim() as Intl.StringNumericLiteral) : value;
}

export function formatNumber(value: NumericValue, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(toFormattable(value));
}

export function formatCurrency(value: NumericValue, locale: Locale, currency: string, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, { style: "currency", currency, ...options }).format(toFormattable(value));
}

/** Short enough for a card or an axis tick ("KES 11.7M"); show the exact figure beside it for tooltips and screen readers. */
export function formatCompactNumber(value: NumericValue, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  // Currencies default to two minimum fraction digits, which would turn "KES 950" into "KES 950.0".
  return numberFormat(locale, { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1, ...options }).format(
    toFormattable(value),
  );
}

export function formatCompactCurrency(value: NumericValue, locale: Locale, currency: string): string {
  return formatCompactNumber(value, locale, { style: "currency", currency });
}

export function formatPercent(ratio: number, locale: Locale, fractionDigits = 1): string {
  return numberFormat(locale, { style: "percent", minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(
    ratio,
  );
}
