// The demo company's customers, with buying habits chosen so that recency / frequency /
// monetary analysis finds champions, loyal buyers, newcomers, customers at risk and lost ones.
import { base, en, Faker } from "@faker-js/faker";

import { DAY_MS } from "./calendar";
import { BRANCHES } from "./geography";
import { WeightedTable, type Random } from "./random";

export type Segment = "Retail" | "Contractor" | "Distributor" | "Corporate";

export interface CustomerSeed {
  code: string;
  name: string;
  segment: Segment;
  city: string;
  branchCode: string;
  /** Relative order frequency while active. */
  frequency: number;
  /** Instants (ms) between which the customer places orders. */
  activeFromMs: number;
  activeUntilMs: number;
  /** Probability that an order goes to Orglight rather than Perfil. */
  orglightShare: number;
}

interface SegmentProfile {
  segment: Segment;
  share: number;
  frequency: number;
  orglightShare: number;
}

const SEGMENTS: readonly SegmentProfile[] = [
  { segment: "Retail", share: 45, frequency: 1, orglightShare: 0.7 },
  { segment: "Contractor", share: 30, frequency: 1.5, orglightShare: 0.5 },
  { segment: "Corporate", share: 15, frequency: 1.2, orglightShare: 0.6 },
  { segment: "Distributor", share: 10, frequency: 3, orglightShare: 0.55 },
];

type Habit = "champion" | "loyal" | "occasional" | "newcomer" | "at-risk" | "lost";

const HABITS = new Map<Habit, number>([
  ["champion", 4],
  ["loyal", 14],
  ["occasional", 52],
  ["newcomer", 8],
  ["at-risk", 12],
  ["lost", 10],
]);

const DAYS_PER_MONTH = 30.4;

export function createCustomers(random: Random, fakerSeed: number, count: number, historyStartMs: number, nowMs: number): CustomerSeed[] {
  // A private Faker instance: seeding it cannot disturb anyone else's fake data.
  const faker = new Faker({ locale: [en, base] });
  faker.seed(fakerSeed);
  const segments = new WeightedTable(SEGMENTS, (profile) => profile.share);
  const habits = new WeightedTable([...HABITS.keys()], (habit) => HABITS.get(habit) ?? 0);
  const branches = new WeightedTable(BRANCHES, (branch) => branch.weight);
  const monthsAgo = (low: number, high: number) => nowMs - random.between(low, high) * DAYS_PER_MONTH * DAY_MS;
  const usedNames = new Set<string>();
  const customers: CustomerSeed[] = [];
  for (let index = 1; index <= count; index++) {
    const profile = segments.draw(random);
    const habit = habits.draw(random);
    const branch = branches.draw(random);
    const city = random.chance(0.6) ? (branch.towns[0] ?? branch.name) : random.pick(branch.towns);
    let name = faker.company.name();
    // Faker repeats itself now and then; a town suffix keeps names unique for rankings.
    if (usedNames.has(name)) name = `${name} (${city})`;
    if (usedNames.has(name)) name = `${name} ${index}`;
    usedNames.add(name);

    let frequency = profile.frequency * random.logNormal(0.4);
    // Some ordinary customers only joined during the history.
    let activeFromMs = random.chance(0.25) ? random.between(historyStartMs, monthsAgo(6, 6)) : historyStartMs;
    let activeUntilMs = nowMs;
    if (habit === "champion") {
      frequency *= random.between(25, 45);
      activeFromMs = historyStartMs;
    } else if (habit === "loyal") {
      frequency *= random.between(5, 10);
    } else if (habit === "newcomer") {
      frequency *= random.between(2, 4);
      activeFromMs = monthsAgo(0.5, 4);
    } else if (habit === "at-risk") {
      frequency *= random.between(2, 5);
      activeUntilMs = monthsAgo(2.5, 5);
    } else if (habit === "lost") {
      frequency *= random.between(1, 3);
      activeFromMs = historyStartMs;
      activeUntilMs = monthsAgo(8, 18);
    }
    activeFromMs = Math.min(activeFromMs, activeUntilMs - 30 * DAY_MS);

    // A quarter buy from one unit only; the rest lean by segment.
    const loyalty = random.next();
    const orglightShare =
      loyalty < 0.15 ? 1 : loyalty < 0.25 ? 0 : Math.min(0.95, Math.max(0.05, random.normal(profile.orglightShare, 0.15)));
    customers.push({
      code: `CUS-${String(index).padStart(5, "0")}`,
      name,
      segment: profile.segment,
      city,
      branchCode: branch.code,
      frequency,
      activeFromMs,
      activeUntilMs,
      orglightShare,
    });
  }
  return customers;
}
