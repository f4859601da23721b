// Parses order dates by a small format language, without Date or Intl in the hot path:
// the result is a local wall-clock string (converted in SQL in the business time zone)
// or, for ISO values with an offset, the instant as written. Parsers are compiled once per run.
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

/** A value both day-first and month-first could read ("03/04/2025"): refused rather than guessed. */
export const AMBIGUOUS: unique symbol = Symbol("ambiguous date");
/** The normalized date, null when the value matches no format, or AMBIGUOUS. */
export type ParsedDate = string | null | typeof AMBIGUOUS;
export type DateParser = (value: string) => ParsedDate;

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

// "auto": the common forms whose reading is certain. An optional time follows (24-hour, or
// 12-hour with AM/PM); two-digit years are refused (the century would be a guess).
const TIME = String.raw`(?:,? |T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?: ?([AaPp])\.?[Mm]\.?)?`;
const YEAR_FIRST_RE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:${TIME})?$`);
const YEAR_LAST_RE = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:${TIME})?$`);
const MONTH_NAME_FIRST_RE = new RegExp(String.raw`^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:${TIME})?$`);
const DAY_FIRST_NAME_RE = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?([ /-])([A-Za-z]{3,9})\.?,?\2(\d{4})(?:${TIME})?$`);
const MONTH_NAMES = new Map(
  ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].flatMap(
    (name, index) => [
      [name, index + 1],
      [name.slice(0, 3), index + 1],
    ],
  ),
).set("sept", 9);

/** `time` is the match's four time groups: hour, minute, second, and the AM/PM letter. */
function assembleWithTime(year: number, month: number, day: number, time: (string | undefined)[]): string | null {
  const [h, mi = "0", s = "0", meridiem] = time;
  let hour = Number(h ?? "0");
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
  }
  return assemble(year, month, day, hour, Number(mi), Number(s));
}

function parseAuto(value: string): ParsedDate {
  const iso = parseIso(value);
  if (iso !== null) return iso;
  let match = YEAR_FIRST_RE.exec(value);
  if (match) return assembleWithTime(Number(match[1]), Number(match[3]), Number(match[4]), match.slice(5));
  match = YEAR_LAST_RE.exec(value);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    const year = Number(match[4]);
    const time = match.slice(5);
    // Only a number above 12 (or the same number twice) tells the day from the month.
    if (first === second || (first > 12 && second <= 12)) return assembleWithTime(year, second, first, time);
    if (second > 12 && first <= 12) return assembleWithTime(year, first, second, time);
    return first <= 12 && second <= 12 ? AMBIGUOUS : null;
  }
  match = MONTH_NAME_FIRST_RE.exec(value);
  if (match) {
    const month = MONTH_NAMES.get(match[1]!.toLowerCase());
    return month === undefined ? null : assembleWithTime(Number(match[3]), month, Number(match[2]), match.slice(4));
  }
  match = DAY_FIRST_NAME_RE.exec(value);
  if (match) {
    const month = MONTH_NAMES.get(match[3]!.toLowerCase());
    return month === undefined ? null : assembleWithTime(Number(match[4]), month, Number(match[1]), match.slice(5));
  }
  return null;
}

/** One format: "iso", "auto", or tokens such as "M/D/YYYY H:mm"; throws on a format without a date. */
function compileFormat(format: string): DateParser {
  if (format === "iso") return parseIso;
  if (format === "auto") return parseAuto;
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

/** Why `format` cannot be used, or null when it can. */
export function dateFormatProblem(format: string): string | null {
  try {
    compileFormat(format);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Builds a parser trying `formats` in order: the first date wins; AMBIGUOUS only if no later format reads the value. */
export function createDateParser(formats: string | readonly string[]): DateParser {
  const parsers = (typeof formats === "string" ? [formats] : formats).map(compileFormat);
  if (parsers.length === 0) throw new Error("no date format");
  // A single format is called directly: no loop in the hot path.
  if (parsers.length === 1) return parsers[0]!;
  return (value) => {
    let result: ParsedDate = null;
    for (const parse of parsers) {
      const parsed = parse(value);
      if (typeof parsed === "string") return parsed;
      result ??= parsed;
    }
    return result;
  };
}
