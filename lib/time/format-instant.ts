// The one way an instant becomes text: always in the business time zone, never the
// runtime's, so a server render and the browser's hydration print the same characters.

/** "Dec 1, 2026, 8:37:14 AM"; a `time` is the same clock without the date, for live tickers. */
export type InstantStyle = "dateTime" | "date" | "time";

const STYLES: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: "medium", timeStyle: "medium" },
  date: { dateStyle: "medium" },
  time: { timeStyle: "medium" },
};

// Building Intl formatters is slow next to using them; grids format thousands of cells.
const formats = new Map<string, Intl.DateTimeFormat>();

function instantFormat(locale: string, timeZone: string, style: InstantStyle | "zone"): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = style === "zone" ? { timeZoneName: "short" } : STYLES[style];
    formats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  }
  return format;
}

export function formatInstant(value: Date | string | number, locale: string, timeZone: string, style: InstantStyle = "dateTime"): string {
  return instantFormat(locale, timeZone, style).format(new Date(value));
}

/** The zone's short name ("GMT+3" in English for Africa/Nairobi), to label a page's times once. */
export function timeZoneLabel(locale: string, timeZone: string, at: Date | number = Date.now()): string {
  const parts = instantFormat(locale, timeZone, "zone").formatToParts(at);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}
