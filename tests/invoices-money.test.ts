// Invoice arithmetic in cents: half-up rounding like PostgreSQL's round(), exact sums.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  averageCents,
  computeInvoiceTotals,
  discountedUnitPriceCents,
  divideHalfUp,
  formatCents,
  formatScaled,
  parseCents,
  parseScaled,
  rateFromFraction,
} from "../lib/invoices/money";

const VAT = rateFromFraction(0.15);

describe("rounding half up to the cent", () => {
  it("rounds halves away from zero and everything else to the nearest", () => {
    expect(divideHalfUp(5n, 10n)).toBe(1n);
    expect(divideHalfUp(4n, 10n)).toBe(0n);
    expect(divideHalfUp(15n, 10n)).toBe(2n);
    expect(divideHalfUp(-15n, 10n)).toBe(-2n);
    expect(divideHalfUp(-14n, 10n)).toBe(-1n);
  });

  it("computes VAT on the subtotal, not per line", () => {
    // 0.10 + 0.10 + 0.10 at 15 %: per-line VAT would be 3 × 0.02 = 0.06; on the subtotal it is 0.045 → 0.05.
    const totals = computeInvoiceTotals([10n, 10n, 10n], VAT);
    expect(totals).toEqual({ subtotal: 30n, vat: 5n, total: 35n });
  });

  it("rounds VAT half up: 0.03 × 15 % = 0.0045 → 0.00, 0.10 × 15 % = 0.015 → 0.02", () => {
    expect(computeInvoiceTotals([3n], VAT).vat).toBe(0n);
    expect(computeInvoiceTotals([10n], VAT).vat).toBe(2n);
    expect(computeInvoiceTotals([123_457n], VAT).vat).toBe(18_519n); // 1,234.57 × 0.15 = 185.1855 → 185.19
    expect(computeInvoiceTotals([123_456_78n], VAT)).toEqual({ subtotal: 123_456_78n, vat: 18_518_52n, total: 141_975_30n });
  });

  it("agrees with exact decimal arithmetic for any subtotal", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10_000_000_00n }), { minLength: 1, maxLength: 5 }), (lines) => {
        const { subtotal, vat, total } = computeInvoiceTotals(lines, VAT);
        const exactTimes10000 = subtotal * 1500n; // in 1/1,000,000 of a unit
        // The nearest cent with ties going up: vat × 10,000 − exact lies in (−5,000, 5,000].
        const diff = vat * 10_000n - exactTimes10000;
        expect(diff > -5_000n && diff <= 5_000n).toBe(true);
        expect(total).toBe(subtotal + vat);
      }),
    );
  });

  it("prices a discounted unit to the cent", () => {
    // 1,234.5000 less 7.5 % = 1,141.91250 → 1,141.91; 999.9900 less 2.5 % = 974.99025 → 974.99
    expect(discountedUnitPriceCents(12_345_000n, 750n)).toBe(114_191n);
    expect(discountedUnitPriceCents(9_999_900n, 250n)).toBe(97_499n);
    expect(discountedUnitPriceCents(1_000_000n, 0n)).toBe(10_000n);
    // 0.0150 → 0.02 (half up)
    expect(discountedUnitPriceCents(150n, 0n)).toBe(2n);
  });

  it("averages to the cent", () => {
    expect(averageCents(1000n, 3)).toBe(333n);
    expect(averageCents(1000n, 6)).toBe(167n);
    expect(averageCents(0n, 0)).toBe(0n);
  });
});

describe("decimal strings", () => {
  it("parses and formats what PostgreSQL prints", () => {
    expect(parseCents("123.45")).toBe(12345n);
    expect(parseCents("123.4")).toBe(12340n);
    expect(parseCents("123")).toBe(12300n);
    expect(parseCents("-0.05")).toBe(-5n);
    expect(parseCents("0.125")).toBe(13n);
    expect(parseScaled("12.3456", 4)).toBe(123456n);
    expect(formatCents(5n)).toBe("0.05");
    expect(formatCents(-12345n)).toBe("-123.45");
    expect(formatScaled(123456n, 4)).toBe("12.3456");
    expect(() => parseCents("12,5")).toThrow();
    expect(rateFromFraction(0.15)).toBe(1500n);
  });
});
