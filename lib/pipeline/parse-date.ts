// Parses order dates by a small format language, without Date or Intl in the hot path:
// the result is a local wall-clock string (converted in SQL in the business time zone)
// or, for ISO values with an offset, the instant as written.
const TOKENS: Record<string, { pattern: string; part: "year" | "month" | "day" | "hour" | "minute" | "second" }> = {
  YYYY: { pattern: "(\\d{4})", part: "year" },
  MM: { pattern: "(\\d{2})", part: "month" },
  M: { pattern: "(\\d{1,2})", part: "month" },
  DD: { pattern: "(\\d{2})", part: "day" },
  D: { pattern: "(\\d{1,2})", part: "day" },
  HH: { pattern: "(\\d{2})", part: "hour" },
  H: { pattern: "(\\d{1,2})", part: "hour" },
  mm: { pattern: "(\\d{2})", part: "minute" },
  ss: { pattern: "(\\d{2})", part: "second" },
};
const TOKEN_RE = /YYYY|MM|M|DD|D|HH|H|mm|ss/g;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export type DateParser = (value: string) => string | null;

const pad = (value: number) => (value < 10 ? `0${value}` : String(value));

function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function assemble(year: number, month: number, day: number, hour: number, minute: number, second: number, offset = ""): string | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}${offset}`;
}

function parseIso(value: string): string | null {
  const match = ISO_RE.exec(value);
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", offset = ""] = match;
  return assemble(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), offset === "Z" ? "+00:00" : offset);
}

/** Builds a parser for `format` ("iso" or tokens such as "M/D/YYYY H:mm"); throws on a format without a date. */
export function createDateParser(format: string): DateParser {
  if (format === "iso") return parseIso;
  const parts: (typeof TOKENS)[string]["part"][] = [];
  const escaped = format.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const source = escaped.replace(TOKEN_RE, (token) => {
    const spec = TOKENS[token]!;
    parts.push(spec.part);
    return spec.pattern;
  });
  for (const required of ["year", "month", "day"] as const) {
    if (!parts.includes(required)) throw new Error(`date format "${format}" has no ${required}`);
  }
  const pattern = new RegExp(`^${source}$`);
  return (value) => {
    const match = pattern.exec(value);
    if (!match) return null;
    const found = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    parts.forEach((part, index) => (found[part] = Number(match[index + 1])));
    return assemble(found.year, found.month, found.day, found.hour, found.minute, found.second);
  };
}
