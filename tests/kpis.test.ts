import Decimal from "decimal.js";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { averageTicket, growth, margin } from "../lib/kpis/kpi-math";
import { seedDemoData } from "../lib/seed/seed-demo-data";
import { shiftBusinessMonths, startOfBusinessDay, startOfBusinessMonth } from "../lib/time/business-time";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

let database: TestDatabase;
vi.mock("../lib/server/db", () => ({
  get db() {
    return database.db;
  },
}));

const { computeKpiSnapshot } = await import("../lib/kpis/compute-snapshot");
const { refreshKpiSnapshots } = await import("../lib/kpis/refresh-snapshots");
const { sumSalesSpans } = await import("../lib/kpis/sales-totals");

// Mid-afternoon in Nairobi, mid-month.
const NOW = new Date("2026-05-14T12:34:56.789Z");
const DAY_MS = 86_400_000;

async function recount(from: Date, to: Date, unitSlug?: string) {
  const [row] = await database.db.$queryRawUnsafe<{ revenue: string; profit: string; orders: number; lines: number }[]>(
    `SELECT coalesce(sum(s.revenue), 0)::text AS revenue, coalesce(sum(s.profit), 0)::text AS profit,
            count(DISTINCT s."orderId")::int AS orders, count(*)::int AS lines
     FROM "Sale" s JOIN "BusinessUnit" u ON u.id = s."businessUnitId"
     WHERE s."soldAt" >= $1 AND s."soldAt" < $2 AND ($3::text IS NULL OR u.slug = $3)`,
    from,
    to,
    unitSlug ?? null,
  );
  return row!;
}

const same = (a: string, b: string) => expect(new Decimal(a).equals(new Decimal(b)), `${a} = ${b}`).toBe(true);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.url, { lines: 30_000, now: NOW });
});

describe("KPI maths", () => {
  it("computes growth, with no base meaning no figure", () => {
    expect(growth("150", "100")).toBeCloseTo(0.5);
    expect(growth("50", "100")).toBeCloseTo(-0.5);
    expect(growth("10", "0")).toBeNull();
    expect(growth("0", "0")).toBeNull();
    expect(growth("-5", "-10")).toBeCloseTo(0.5);
  });

  it("computes margin and average ticket exactly", () => {
    expect(margin("25", "100")).toBeCloseTo(0.25);
    expect(margin("5", "0")).toBeNull();
    expect(averageTicket("100", 3)).toBe("33.33");
    expect(averageTicket("100", 0)).toBe("0");
  });
});

describe("KPI snapshot from rollups", () => {
  it("matches a recount of today and the same time yesterday", async () => {
    const snapshot = await computeKpiSnapshot({ key: "all", businessUnitId: null }, NOW);
    const dayStart = startOfBusinessDay(NOW);
    const today = await recount(dayStart, NOW);
    const yesterday = await recount(new Date(dayStart.getTime() - DAY_MS), new Date(NOW.getTime() - DAY_MS));
    expect(today.lines).toBeGreaterThan(0);
    same(snapshot.today.current.revenue, today.revenue);
    same(snapshot.today.current.profit, today.profit);
    expect(snapshot.today.current.orders).toBe(today.orders);
    expect(snapshot.today.current.lines).toBe(today.lines);
    same(snapshot.today.previous.revenue, yesterday.revenue);
    expect(snapshot.today.previous.orders).toBe(yesterday.orders);
  });

  it("matches a recount of month to date and the same time last month", async () => {
    const snapshot = await computeKpiSnapshot({ key: "all", businessUnitId: null }, NOW);
    const mtd = await recount(startOfBusinessMonth(NOW), NOW);
    const lastMonthNow = shiftBusinessMonths(NOW, -1);
    const lastMonth = await recount(startOfBusinessMonth(lastMonthNow), lastMonthNow);
    same(snapshot.monthToDate.current.revenue, mtd.revenue);
    expect(snapshot.monthToDate.current.orders).toBe(mtd.orders);
    same(snapshot.monthToDate.previous.revenue, lastMonth.revenue);
  });

  it("sums any span exactly from partial hours, whole hours and whole days", async () => {
    for (const [from, to] of [
      [new Date(NOW.getTime() - 3 * DAY_MS - 2_833_000), NOW],
      [new Date(NOW.getTime() - 40 * DAY_MS), new Date(NOW.getTime() - 12 * DAY_MS + 61_000)],
      [startOfBusinessDay(NOW), new Date(startOfBusinessDay(NOW).getTime() + 90 * 60_000)],
    ] as const) {
      const [[totals], raw] = await Promise.all([sumSalesSpans([[from, to]], null), recount(from, to)]);
      same(totals.revenue, raw.revenue);
      expect(totals.orders).toBe(raw.orders);
      expect(totals.lines).toBe(raw.lines);
    }
  });

  it("breaks month-to-date revenue down consistently by unit, category and hour", async () => {
    const snapshot = await computeKpiSnapshot({ key: "all", businessUnitId: null }, NOW);
    const mtd = new Decimal(snapshot.monthToDate.current.revenue);
    const sum = (values: string[]) => values.reduce((total, value) => total.plus(value), new Decimal(0));
    expect(snapshot.units.map((unit) => unit.slug).sort()).toEqual(["orglight", "perfil"]);
    expect(sum(snapshot.units.map((unit) => unit.revenueMonthToDate)).equals(mtd)).toBe(true);
    expect(sum(snapshot.categories.map((category) => category.revenue)).equals(mtd)).toBe(true);
    expect(sum(snapshot.regions.map((region) => region.revenue)).equals(mtd)).toBe(true);
    expect(sum(snapshot.hourly.map((slot) => slot.today)).equals(new Decimal(snapshot.today.current.revenue))).toBe(true);
    expect(snapshot.hourly).toHaveLength(24);
    expect(snapshot.topBranches.length).toBeGreaterThan(0);
  });

  it("includes only its unit's sales in a unit's scope", async () => {
    const perfil = await database.db.businessUnit.findUniqueOrThrow({ where: { slug: "perfil" } });
    const snapshot = await computeKpiSnapshot({ key: "perfil", businessUnitId: perfil.id }, NOW);
    const mtd = await recount(startOfBusinessMonth(NOW), NOW, "perfil");
    same(snapshot.monthToDate.current.revenue, mtd.revenue);
    expect(snapshot.units.map((unit) => unit.slug)).toEqual(["perfil"]);
  });
});

describe("refreshing snapshots", () => {
  it("stores a new version per scope", async () => {
    const first = await refreshKpiSnapshots();
    const second = await refreshKpiSnapshots();
    expect(first.map((outcome) => outcome.scope)).toEqual(["all", "orglight", "perfil"]);
    for (const [index, outcome] of second.entries()) expect(outcome.version).toBe(first[index]!.version + 1);
    expect(second.every((outcome) => !outcome.stale)).toBe(true);
  });

  it("keeps the last good snapshot, marked stale with the error, when computing fails", async () => {
    const before = await database.db.kpiSnapshot.findFirstOrThrow({ where: { scope: "all" }, orderBy: { version: "desc" } });
    const outcomes = await refreshKpiSnapshots(() => Promise.reject(new Error("rollups unavailable")));
    expect(outcomes.every((outcome) => outcome.stale && outcome.error === "rollups unavailable")).toBe(true);
    const after = await database.db.kpiSnapshot.findFirstOrThrow({ where: { scope: "all" }, orderBy: { version: "desc" } });
    expect(after.version).toBe(before.version);
    expect(after.payload).toEqual(before.payload);
    expect(after.stale).toBe(true);
    expect(after.lastError).toBe("rollups unavailable");
    const recovered = await refreshKpiSnapshots();
    expect(recovered.every((outcome) => !outcome.stale)).toBe(true);
  });
});
