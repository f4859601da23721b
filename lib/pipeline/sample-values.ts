// How a sample file writes prices and dates: plain, or messy in a --dirty row. Messy values
// come in two groups. Cleanable ones still say the true value unambiguously, so a careful
// reader recovers it. Bad ones cannot be recovered: a loader must reject or drop the row.
import type { Random } from "../seed/random";

export interface SampleDay {
  /** YYYY-MM-DD */
  iso: string;
  year: number;
  month: number;
  day: number;
}

/** The fields of a row that --dirty may spoil, CSV-encoded. */
export interface SpoilableFields {
  date: string;
  quantity: string;
  price: string;
}

export const CLEANABLE_KINDS = [
  "price-dollar-sign",
  "price-usd-prefix",
  "price-dollars-word",
  "price-decimal-comma",
  "date-slashes",
  "date-day-first",
  "date-month-name",
] as const;
export const BAD_KINDS = ["empty-quantity", "negative-price", "ambiguous-date", "text-price"] as const;
export type CleanableKind = (typeof CLEANABLE_KINDS)[number];
export type BadKind = (typeof BAD_KINDS)[number];
export type MessyKind = CleanableKind | BadKind;

/** Of the messy rows, this share is bad; the rest are cleanable. */
export const BAD_SHARE = 0.1;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const pad = (value: number) => String(value).padStart(2, "0");

export const formatCents = (cents: number) => `${Math.floor(cents / 100)}.${pad(cents % 100)}`;

export const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** 1234567 → "1,234,567" with separator ",". */
const grouped = (whole: number, separator: string) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** Whole amounts without decimals ("USD 500"), others with two. */
const shortAmount = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : formatCents(cents));

type Spoil = (priceCents: number, date: SampleDay) => Partial<SpoilableFields>;

const CLEANABLE: Record<CleanableKind, Spoil> = {
  "price-dollar-sign": (cents) => ({ price: csvField(`$${grouped(Math.floor(cents / 100), ",")}.${pad(cents % 100)}`) }),
  "price-usd-prefix": (cents) => ({ price: `USD ${shortAmount(cents)}` }),
  "price-dollars-word": (cents) => ({ price: `${shortAmount(cents)} dollars` }),
  "price-decimal-comma": (cents) => ({ price: csvField(`${grouped(Math.floor(cents / 100), ".")},${pad(cents % 100)}`) }),
  "date-slashes": (_, { year, month, day }) => ({ date: `${year}/${pad(month)}/${pad(day)}` }),
  "date-day-first": (_, { year, month, day }) => ({ date: `${pad(day)}-${pad(month)}-${year}` }),
  "date-month-name": (_, { year, month, day }) => ({ date: csvField(`${MONTHS[month - 1]} ${day}, ${year}`) }),
};

const BAD: Record<BadKind, Spoil> = {
  "empty-quantity": () => ({ quantity: "" }),
  "negative-price": (cents) => ({ price: `-${formatCents(cents)}` }),
  // Month and day both 12 or less and different: 03/04/2025 is March 4th or April 3rd.
  "ambiguous-date": (_, { year, month, day }) => ({
    date: `${pad(month)}/${pad(day <= 12 && day !== month ? day : (month % 12) + 1)}/${year}`,
  }),
  "text-price": () => ({ price: "abc" }),
};

/** Rewrites one field of the row messily; returns the kind written. */
export function spoilFields(fields: SpoilableFields, priceCents: number, date: SampleDay, random: Random): MessyKind {
  if (random.chance(BAD_SHARE)) {
    const kind = random.pick(BAD_KINDS);
    Object.assign(fields, BAD[kind](priceCents, date));
    return kind;
  }
  let kind = random.pick(CLEANABLE_KINDS);
  // Day first is only unambiguous after the 12th: earlier days are written year first.
  if (kind === "date-day-first" && date.day <= 12) kind = "date-slashes";
  Object.assign(fields, CLEANABLE[kind](priceCents, date));
  return kind;
}
