// Figures that must fit small spaces: compact notation, per locale.
import { describe, expect, it } from "vitest";

import { formatCompactCurrency as currency, formatCompactNumber as number } from "../lib/i18n/format";

// Locales differ in which spaces they use (no-break, narrow no-break); the words are what matter here.
const formatCompactCurrency = (...args: Parameters<typeof currency>) => currency(...args).replace(/\s/g, " ");
const formatCompactNumber = (...args: Parameters<typeof number>) => number(...args).replace(/\s/g, " ");

describe("compact formatting", () => {
  it("shortens large amounts in every locale", () => {
    expect(formatCompactCurrency(11_691_812, "en", "KES")).toBe("KES 11.7M");
    expect(formatCompactCurrency(11_691_812, "es", "KES")).toBe("11,7 M KES");
    expect(formatCompactCurrency(11_691_812, "pt-BR", "KES")).toBe("KES 11,7 mi");
    expect(formatCompactNumber(12_345, "en")).toBe("12.3K");
    expect(formatCompactNumber(12_345, "pt-BR")).toBe("12,3 mil");
  });

  it("drops the fraction digits a currency would force on round figures", () => {
    expect(formatCompactCurrency(160_000_000, "en", "KES")).toBe("KES 160M");
    expect(formatCompactCurrency(950, "en", "KES")).toBe("KES 950");
    expect(formatCompactCurrency(0, "en", "KES")).toBe("KES 0");
  });

  it("formats Decimal strings and negative amounts", () => {
    expect(formatCompactCurrency("2500000.00", "en", "KES")).toBe("KES 2.5M");
    expect(formatCompactNumber(-1_500_000, "en")).toBe("-1.5M");
  });

  it("is shorter than the full figure from a million up", () => {
    for (const locale of ["en", "es", "pt-BR"] as const)
      for (const value of [1_234_567, 9_876_543, 160_000_000, 4_321_000_000]) {
        const full = new Intl.NumberFormat(locale, { style: "currency", currency: "KES", maximumFractionDigits: 0 }).format(value);
        expect(formatCompactCurrency(value, locale, "KES").length).toBeLessThan(full.length);
      }
  });
});
