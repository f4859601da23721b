// The languages the UI speaks. Shared by server and client code.
export const LOCALES = ["en", "es", "pt-BR"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** Remembers the choice of anonymous visitors, and of signed-in users across devices' sign-outs. */
export const LOCALE_COOKIE = "pulseboard-locale";

/** Each language named in itself, so a reader can find theirs whatever the current language is. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  es: "Español",
  "pt-BR": "Português (Brasil)",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
