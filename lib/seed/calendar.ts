// When the demo company sells: 24 months ending now, in Nairobi local time, with weekly,
// seasonal and daily rhythms, and the number of order lines each day gets.
import { WeightedTable, type Random } from "./random";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Kenya keeps East Africa Time (UTC+3) all year, with no daylight saving: a fixed offset is exact. */
export const NAIROBI_OFFSET_MS = 3 * HOUR_MS;
const HISTORY_MONTHS = 24;

// Share of a day's orders by local hour: shops open about 08:00–19:00, a trickle outside.
const HOUR_WEIGHTS = [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 1.2, 4, 7, 9, 10, 8, 7, 9, 9, 8, 6, 4, 2, 1, 0.5, 0.3, 0.2];
// Sunday first, as Date#getUTCDay counts: weekends are quiet, Sunday the quietest.
const WEEKDAY_WEIGHTS = [0.3, 1, 1.05, 1.05, 1, 1.1, 0.6];
// December is the construction and retail peak; January and February are slow.
const MONTH_WEIGHTS = [0.78, 0.85, 0.97, 0.95, 0.98, 1, 1.02, 1.05, 1.05, 1.1, 1.18, 1.45];
// Fixed-date public holidays ("MM-DD"): most branches close.
const HOLIDAY_WEIGHTS: Readonly<Record<string, number>> = {
  "01-01": 0.15,
  "05-01": 0.3,
  "06-01": 0.3,
  "10-20": 0.3,
  "12-12": 0.3,
  "12-25": 0.1,
  "12-26": 0.3,
};
const ANNUAL_GROWTH = 0.14;

export interface SalesDay {
  /** UTC instant of the local midnight that starts the day. */
  startMs: number;
  /** Last instant sales may carry: the end of the day, or `now` for today. */
  endMs: number;
  isToday: boolean;
  lines: number;
}

/** Year, month (0–11) and day of the month in Nairobi for a UTC instant. */
export function toNairobiDate(ms: number) {
  const local = new Date(ms + NAIROBI_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth(), day: local.getUTCDate(), weekday: local.getUTCDay() };
}

function startOfNairobiDay(ms: number): number {
  const { year, month, day } = toNairobiDate(ms);
  return Date.UTC(year, month, day) - NAIROBI_OFFSET_MS;
}

/** First instant of the history: local midnight 24 months before today. */
export function getHistoryStart(nowMs: number): number {
  const { year, month, day } = toNairobiDate(nowMs);
  return Date.UTC(year, month - HISTORY_MONTHS, day) - NAIROBI_OFFSET_MS;
}

function weighDay(startMs: number, historyStartMs: number, random: Random): number {
  const { month, day, weekday } = toNairobiDate(startMs);
  const holiday = HOLIDAY_WEIGHTS[`${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`] ?? 1;
  const years = (startMs - historyStartMs) / (365.25 * DAY_MS);
  const weekdayWeight = WEEKDAY_WEIGHTS[weekday] ?? 1;
  const monthWeight = MONTH_WEIGHTS[month] ?? 1;
  return weekdayWeight * monthWeight * holiday * (1 + ANNUAL_GROWTH) ** years * Math.max(0.5, random.normal(1, 0.08));
}

/** Share of a day's hourly weight that lies before `untilMs` (1 for a finished day). */
function hourWeightsUntil(startMs: number, untilMs: number): number[] {
  return HOUR_WEIGHTS.map((weight, hour) => {
    const elapsed = Math.min(1, Math.max(0, (untilMs - (startMs + hour * HOUR_MS)) / HOUR_MS));
    return weight * elapsed;
  });
}

/** Splits `totalLines` over the days of the history, in proportion to each day's weight. */
export function planSalesDays(nowMs: number, totalLines: number, random: Random): SalesDay[] {
  const historyStart = getHistoryStart(nowMs);
  const todayStart = startOfNairobiDay(nowMs);
  const fullDay = HOUR_WEIGHTS.reduce((sum, weight) => sum + weight, 0);
  const days: SalesDay[] = [];
  const weights: number[] = [];
  for (let startMs = historyStart; startMs <= todayStart; startMs += DAY_MS) {
    const isToday = startMs === todayStart;
    const elapsed = isToday ? hourWeightsUntil(startMs, nowMs).reduce((sum, weight) => sum + weight, 0) / fullDay : 1;
    days.push({ startMs, endMs: isToday ? nowMs : startMs + DAY_MS - 1, isToday, lines: 0 });
    weights.push(weighDay(startMs, historyStart, random) * elapsed);
  }
  // Largest-remainder apportionment: the total is exact and the split deterministic.
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map((weight) => (weight / total) * totalLines);
  let assigned = 0;
  days.forEach((day, index) => {
    day.lines = Math.floor(shares[index] ?? 0);
    assigned += day.lines;
  });
  const byRemainder = days.map((_, index) => index).sort((a, b) => ((shares[b] ?? 0) % 1) - ((shares[a] ?? 0) % 1) || a - b);
  for (let i = 0; i < totalLines - assigned; i++) (days[byRemainder[i] as number] as SalesDay).lines += 1;
  // The dashboard's "today" always has a sale, even just after midnight.
  const today = days.at(-1);
  const donor = days.findLast((day) => day.lines > 1);
  if (today && today.lines === 0 && donor) {
    donor.lines -= 1;
    today.lines = 1;
  }
  return days;
}

/** Draws order times for one day, following the hourly profile and never after `endMs`. */
export function createOrderClock(day: SalesDay): (random: Random) => number {
  const weights = hourWeightsUntil(day.startMs, day.endMs + 1);
  const hours = new WeightedTable(
    weights.map((_, hour) => hour),
    (hour) => weights[hour] ?? 0,
  );
  return (random) => {
    const hourStart = day.startMs + hours.draw(random) * HOUR_MS;
    const span = Math.min(HOUR_MS, day.endMs - hourStart + 1);
    return hourStart + Math.floor(random.next() * span);
  };
}
