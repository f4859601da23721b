// Calendar arithmetic in the business time zone (Africa/Nairobi by default):
// "today" and "this month" are the company's, not the server's or UTC's.
export const BUSINESS_TIME_ZONE = "Africa/Nairobi";

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The instant at which the wall clock in `timeZone` shows the given local time. */
export function zonedTimeToInstant(local: Omit<WallClock, "hour" | "minute" | "second"> & Partial<WallClock>, timeZone: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
  // Correct by the zone's offset at that moment (twice, in case the first guess crossed a DST change).
  let instant = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const seen = wallClock(new Date(instant), timeZone);
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    instant += asUtc - seenAsUtc;
  }
  return new Date(instant);
}

export function startOfBusinessDay(instant: Date, timeZone = BUSINESS_TIME_ZONE): Date {
  const { year, month, day } = wallClock(instant, timeZone);
  return zonedTimeToInstant({ year, month, day }, timeZone);
}

/** The instant a local calendar date (YYYY-MM-DD) starts. */
export function startOfBusinessDate(date: string, timeZone = BUSINESS_TIME_ZONE): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return zonedTimeToInstant({ year, month, day }, timeZone);
}

export function startOfBusinessMonth(instant: Date, timeZone = BUSINESS_TIME_ZONE): Date {
  const { year, month } = wallClock(instant, timeZone);
  return zonedTimeToInstant({ year, month, day: 1 }, timeZone);
}

/** The same wall-clock moment `months` earlier, clamped to the end of a shorter month. */
export function shiftBusinessMonths(instant: Date, months: number, timeZone = BUSINESS_TIME_ZONE): Date {
  const local = wallClock(instant, timeZone);
  const target = new Date(Date.UTC(local.year, local.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return zonedTimeToInstant(
    { ...local, year: target.getUTCFullYear(), month: target.getUTCMonth() + 1, day: Math.min(local.day, lastDay) },
    timeZone,
  );
}

/** Local calendar date (YYYY-MM-DD) of an instant. */
export function businessDate(instant: Date, timeZone = BUSINESS_TIME_ZONE): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function businessHour(instant: Date, timeZone = BUSINESS_TIME_ZONE): number {
  return wallClock(instant, timeZone).hour;
}
