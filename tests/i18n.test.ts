// The three catalogs must stay in step, and the translator and formatters must behave per locale.
import { describe, expect, it } from "vitest";

import { CATALOGS } from "../lib/i18n/catalogs";
import { LOCALES, type Locale } from "../lib/i18n/config";
import { formatCurrency, formatNumber, formatPercent } from "../lib/i18n/format";
import { matchAcceptLanguage } from "../lib/i18n/negotiate";
import { createTranslator, flattenMessages, placeholdersOf, type MessageKey } from "../lib/i18n/translate";

// Imported untyped on purpose (through JSON), so a drifted catalog is caught here, not only by tsc.
const catalogs: Record<Locale, Record<string, string>> = {
  en: flattenMessages(CATALOGS.en),
  es: flattenMessages(CATALOGS.es),
  "pt-BR": flattenMessages(CATALOGS["pt-BR"]),
};

describe("message catalogs", () => {
  for (const locale of LOCALES) {
    for (const other of LOCALES) {
      if (locale === other) continue;
      it(`every key of ${locale} exists in ${other}`, () => {
        const missing = Object.keys(catalogs[locale]).filter((key) => !(key in catalogs[other]));
        expect(missing).toEqual([]);
      });
    }

    it(`${locale} has no empty messages`, () => {
      const empty = Object.entries(catalogs[locale])
        .filter(([, text]) => text.trim() === "")
        .map(([key]) => key);
      expect(empty).toEqual([]);
    });

    it(`${locale} uses the same placeholders as en`, () => {
      const mismatched = Object.entries(catalogs.en)
        .filter(([key]) => key in catalogs[locale])
        .filter(([key, text]) => placeholdersOf(text).join() !== placeholdersOf(catalogs[locale][key] ?? "").join())
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    });
  }

  it("is not trivially empty", () => {
    expect(Object.keys(catalogs.en).length).toBeGreaterThan(50);
  });
});

describe("createTranslator", () => {
  const t = createTranslator(CATALOGS.en);

  it("looks up nested keys", () => {
    expect(t("nav.items.overview")).toBe("Control tower");
    expect(createTranslator(CATALOGS.es)("auth.errors.invalid")).toBe("Correo o contraseña incorrectos.");
  });

  it("interpolates placeholders, numbers included", () => {
    expect(t("userMenu.unit", { unit: "Orglight" })).toBe("Business unit: Orglight");
    expect(t("auth.errors.throttled.other", { minutes: 15 })).toBe("Too many failed sign-ins. Try again in 15 minutes.");
  });

  it("leaves placeholders without a value visible", () => {
    expect(t("userMenu.unit")).toBe("Business unit: {unit}");
  });

  it("returns the key when a message is missing at runtime", () => {
    expect(t("nope.missing" as MessageKey)).toBe("nope.missing");
    // A group is not a message either.
    expect(t("nav.items" as MessageKey)).toBe("nav.items");
  });

  it("rejects unknown keys at compile time", () => {
    // @ts-expect-error: not a dotted path of en.json
    expect(t("nav.items.nope")).toBe("nav.items.nope");
  });
});

describe("format helpers", () => {
  it("formats numbers with the locale's separators", () => {
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
    expect(formatNumber(1234567.5, "es")).toBe("1.234.567,5");
    expect(formatNumber(1234567.5, "pt-BR")).toBe("1.234.567,5");
    expect(formatNumber(0.25, "es", { minimumFractionDigits: 2 })).toBe("0,25");
  });

  it("formats Decimal strings exactly", () => {
    expect(formatNumber("12345678901234567.89", "en")).toBe("12,345,678,901,234,567.89");
  });

  it("formats currency per locale", () => {
    // Intl separates code and amount with a no-break space, which \s matches.
    expect(formatCurrency(1234.5, "en", "KES")).toMatch(/^KES\s1,234\.50$/);
    expect(formatCurrency("1234.5", "es", "KES")).toMatch(/^1\.?234,50\sKES$/);
    expect(formatCurrency(1234.5, "pt-BR", "KES")).toMatch(/^KES\s1\.234,50$/);
    expect(formatCurrency(1234.5, "pt-BR", "BRL")).toMatch(/^R\$\s1\.234,50$/);
  });

  it("formats percentages", () => {
    expect(formatPercent(0.1234, "en")).toBe("12.3%");
    expect(formatPercent(0.1234, "es")).toMatch(/^12,3\s%$/);
  });
});

describe("matchAcceptLanguage", () => {
  it("prefers exact tags, then the language, by quality", () => {
    expect(matchAcceptLanguage("pt-BR,pt;q=0.9,en;q=0.8")).toBe("pt-BR");
    expect(matchAcceptLanguage("pt-PT")).toBe("pt-BR");
    expect(matchAcceptLanguage("es-MX,es;q=0.9")).toBe("es");
    expect(matchAcceptLanguage("fr-FR,fr;q=0.9,es;q=0.5,en;q=0.7")).toBe("en");
    expect(matchAcceptLanguage("en;q=0,es")).toBe("es");
  });

  it("returns undefined when nothing matches", () => {
    expect(matchAcceptLanguage("fr,de;q=0.5")).toBeUndefined();
    expect(matchAcceptLanguage("*")).toBeUndefined();
    expect(matchAcceptLanguage(null)).toBeUndefined();
  });
});
