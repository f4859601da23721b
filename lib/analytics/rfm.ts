// RFM scoring (pure): quintile scores 1–5 and the segment each (R, F, M) falls in.
import type { RfmSegment } from "./types";

/**
 * Quintile score of each value among `values` (higher value → higher score). Ties share
 * the score of their first position, so equal customers never land in different buckets.
 */
export function quintileScores(values: readonly number[]): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const firstIndex = new Map<number, number>();
  sorted.forEach((value, index) => {
    if (!firstIndex.has(value)) firstIndex.set(value, index);
  });
  return values.map((value) => Math.floor(((firstIndex.get(value) ?? 0) * 5) / n) + 1);
}

/**
 * Segments from recency and the mean of frequency and monetary scores:
 * recent and valuable → champions; valuable but lapsing → at risk; neither → lost.
 */
export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  const value = Math.round((f + m) / 2);
  if (r >= 4) return value >= 4 ? "champions" : value === 3 ? "loyal" : "promising";
  if (r === 3) return value >= 3 ? "loyal" : "needsAttention";
  return value >= 3 ? "atRisk" : "lost";
}

export const RFM_SEGMENTS: readonly RfmSegment[] = ["champions", "loyal", "promising", "needsAttention", "atRisk", "lost"];

export interface RfmInput {
  recencyDays: number;
  orders: number;
  revenue: number;
}

/** Scores every customer against the others in the same set. */
export function scoreRfm<T extends RfmInput>(customers: readonly T[]): (T & { r: number; f: number; m: number; segment: RfmSegment })[] {
  // Fewer days since the last purchase is better: score the negated recency.
  const r = quintileScores(customers.map((customer) => -customer.recencyDays));
  const f = quintileScores(customers.map((customer) => customer.orders));
  const m = quintileScores(customers.map((customer) => customer.revenue));
  return customers.map((customer, index) => {
    const scores = { r: r[index]!, f: f[index]!, m: m[index]! };
    return { ...customer, ...scores, segment: rfmSegment(scores.r, scores.f, scores.m) };
  });
}
