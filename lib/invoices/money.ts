// Exact invoice arithmetic in integer cents (BigInt), client-safe. Rounding is half up
// (away from zero), as PostgreSQL's round() on numeric does, so the database agrees to the cent.

const CENTS_PER_UNIT = 100n;
/** Rates (VAT, discounts) are held in ten-thousandths: 0.15 → 1500n, like the Decimal(5, 4) column. */
export const RATE_SCALE = 10_000n;

/** a / b rounded half away from zero; b > 0. */
export function divideHalfUp(a: bigint, b: bigint): bigint {
  const magnitude = ((a < 0n ? -a : a) * 2n + b) / (2n * b);
  return a < 0n ? -magnitude : magnitude;
}

/** "123.4567" → 1234567n at scale 4. Accepts what PostgreSQL and Prisma print for numerics. */
export function parseScaled(value: string, scale: number): bigint {
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!match || (match[2] === "" && !match[3])) throw new Error(`not a decimal number: "${value}"`);
  const [, sign, whole = "", fraction = ""] = match;
  const kept = fraction.slice(0, scale).padEnd(scale, "0");
  let scaled = BigInt(`${whole || "0"}${kept}`);
  // Digits beyond the scale round half up, so "0.125" at scale 2 is 13 cents.
  if (fraction.length > scale && Number(fraction[scale]) >= 5) scaled += 1n;
  return sign ? -scaled : scaled;
}

/** 1234567n at scale 4 → "123.4567". */
export function formatScaled(value: bigint, scale: number): string {
  const sign = value < 0n ? "-" : "";
  const digits = (value < 0n ? -value : value).toString().padStart(scale + 1, "0");
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

export const parseCents = (value: string) => parseScaled(value, 2);
export const formatCents = (cents: bigint) => formatScaled(cents, 2);

/** A rate given as a fraction (env VAT_RATE = 0.15) in ten-thousandths; more precision than the column keeps is rounded. */
export function rateFromFraction(fraction: number): bigint {
  if (!Number.isFinite(fraction) || fraction < 0 || fraction >= 10) throw new Error(`not a usable rate: ${fraction}`);
  return BigInt(Math.round(fraction * Number(RATE_SCALE)));
}

/** A net unit price in cents: list price (4 decimals) less a discount (ten-thousandths), rounded to the cent. */
export function discountedUnitPriceCents(listPriceTenThousandths: bigint, discount: bigint): bigint {
  return divideHalfUp(listPriceTenThousandths * (RATE_SCALE - discount), RATE_SCALE * CENTS_PER_UNIT);
}

export interface InvoiceTotals {
  subtotal: bigint;
  vat: bigint;
  total: bigint;
}

/**
 * Subtotal = Σ line amounts (each already whole cents: quantity × net unit price),
 * VAT = subtotal × rate rounded half up to the cent, total = subtotal + VAT.
 */
export function computeInvoiceTotals(lineAmounts: readonly bigint[], rate: bigint): InvoiceTotals {
  const subtotal = lineAmounts.reduce((sum, amount) => sum + amount, 0n);
  const vat = divideHalfUp(subtotal * rate, RATE_SCALE);
  return { subtotal, vat, total: subtotal + vat };
}

/** The average of `count` amounts totalling `total` cents, to the cent; zero when there are none. */
export function averageCents(total: bigint, count: number): bigint {
  return count > 0 ? divideHalfUp(total, BigInt(count)) : 0n;
}
