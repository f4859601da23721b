// A small seeded PRNG (mulberry32) for the demo data: the same seed always gives the
// same company and the same sales, so tests and screenshots are reproducible.

export interface Random {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  /** A float in [min, max). */
  between: (min: number, max: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Roughly normal (Irwin–Hall of 4 uniforms): no transcendental functions, so identical everywhere. */
  normal: (mean: number, deviation: number) => number;
  /** A positive multiplier around 1 with a long right tail, for "a few big, many small". */
  logNormal: (deviation: number) => number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean: number, deviation: number) => {
    // Four uniforms sum to mean 2, variance 1/3: rescale to a unit deviation.
    const sum = next() + next() + next() + next();
    return mean + (sum - 2) * Math.sqrt(3) * deviation;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error("cannot pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    normal,
    logNormal: (deviation) => Math.exp(normal(0, deviation)),
  };
}

/** Weighted choice in O(log n) per draw, built once for tables drawn from many times. */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weightOf: (item: T, index: number) => number,
  ) {
    let total = 0;
    items.forEach((item, index) => {
      total += Math.max(0, weightOf(item, index));
      this.cumulative.push(total);
    });
    if (total <= 0) throw new Error("a weighted table needs a positive total weight");
    this.total = total;
  }

  draw(random: Random): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low] as T;
  }
}
