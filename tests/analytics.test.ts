import Decimal from "decimal.js";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { addMonths, analyticsFiltersSchema, autoGrain, presetRange, previousRange, resolveRange } from "../lib/analytics/filters";
import { classifyAbc } from "../lib/analytics/pareto";
import { quintileScores, rfmSegment, scoreRfm } from "../lib/analytics/rfm";
import { splitByMonths } from "../lib/analytics/sql";
import { toCsv } from "../lib/csv/csv-rows";
import { growth, margin } from "../lib/kpis/kpi-math";
import { seedDemoData } from "../lib/seed/seed-demo-data";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { testUser } from "./helpers/test-user";

let database: TestDatabase;
vi.mock("../lib/server/db", () => ({
  get db() {
    return database.db;
  },
}));

const { resolveAnalyticsQuery } = await import("../lib/analytics/scope");
const { getAnalyticsReport } = await import("../lib/analytics/get-report");

const NOW = new Date("2026-05-14T12:34:56.789Z");
const same = (a: string, b: string) => expect(new Decimal(a).equals(new Decimal(b)), `${a} = ${b}`).toBe(true);

describe("analytics maths", () => {
  it("scores quintiles 1–5 with ties sharing a score", () => {
    expect(quintileScores([1, 2, 3, 4, 5])).toEqual([1, 2, 3, 4, 5]);
    expect(quintileScores([10, 10, 10, 10])).toEqual([1, 1, 1, 1]);
    expect(quintileScores([5, 1, 5, 1, 9])).toEqual([3, 1, 3, 1, 5]);
    expect(quintileScores([])).toEqual([]);
  });

  it("maps RFM scores to segments at their edges", () => {
    expect(rfmSegment(5, 5, 5)).toBe("champions");
    expect(rfmSegment(4, 4, 3)).toBe("champions"); // (4+3)/2 rounds to 4
    expect(rfmSegment(4, 3, 3)).toBe("loyal");
    expect(rfmSegment(4, 2, 2)).toBe("promising");
    expect(rfmSegment(3, 3, 3)).toBe("loyal");
    expect(rfmSegment(3, 2, 2)).toBe("needsAttention");
    expect(rfmSegment(2, 5, 5)).toBe("atRisk");
    expect(rfmSegment(2, 2, 3)).toBe("atRisk"); // (2+3)/2 rounds to 3
    expect(rfmSegment(1, 1, 1)).toBe("lost");
  });

  it("gives recent buyers the high recency score", () => {
    const scored = scoreRfm([
      { recencyDays: 0, orders: 9, revenue: 900 },
      { recencyDays: 300, orders: 1, revenue: 10 },
    ]);
    expect(scored[0]).toMatchObject({ r: 3, f: 3, m: 3 });
    expect(scored[1]).toMatchObject({ r: 1, f: 1, m: 1, segment: "lost" });
  });

  it("classes products A/B/C by running revenue share", () => {
    const rows = classifyAbc([{ revenue: "5" }, { revenue: "70" }, { revenue: "20" }, { revenue: "5" }]);
    expect(rows.map((row) => [row.revenue, row.abc])).toEqual([
      ["70", "A"],
      ["20", "A"],
      ["5", "B"],
      ["5", "C"],
    ]);
    expect(rows.at(-1)!.cumulativeShare).toBeCloseTo(1);
    // Nothing earned, nothing in the top 80 %.
    expect(classifyAbc([{ revenue: "0" }])[0]).toMatchObject({ share: 0, abc: "C" });
  });

  it("has no growth from a zero previous period, and no margin without revenue", () => {
    expect(growth("100", "0")).toBeNull();
    expect(margin("0", "0")).toBeNull();
  });

  it("validates ranges: inverted, too long, half-given", () => {
    expect(analyticsFiltersSchema.safeParse({ from: "2026-05-10", to: "2026-05-01" }).error?.issues[0]?.message).toBe(
      "from must be on or before to",
    );
    expect(analyticsFiltersSchema.safeParse({ from: "2020-01-01", to: "2026-01-01" }).success).toBe(false);
    expect(analyticsFiltersSchema.safeParse({ from: "2026-05-10" }).success).toBe(false);
    expect(analyticsFiltersSchema.safeParse({ from: "2026-13-45", to: "2026-13-46" }).success).toBe(false);
    expect(analyticsFiltersSchema.parse({ from: "2026-05-01", to: "2026-05-01", branch: "3" })).toMatchObject({ branch: 3 });
  });

  it("resolves presets, previous periods and grains", () => {
    expect(presetRange("7d", "2026-03-02")).toEqual({ from: "2026-02-24", to: "2026-03-02" });
    expect(presetRange("mtd", "2026-03-02")).toEqual({ from: "2026-03-01", to: "2026-03-02" });
    expect(resolveRange({}, "2026-05-14")).toEqual({ from: "2026-02-14", to: "2026-05-14" });
    expect(previousRange({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(autoGrain({ from: "2026-01-01", to: "2026-01-31" })).toBe("day");
    expect(autoGrain({ from: "2025-01-01", to: "2026-12-31" })).toBe("month");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
  });

  it("writes CSV with quoting and no formula injection", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", '=HYPERLINK("z")'],
          [null, -5],
        ],
      ),
    ).toBe('a,b\r\n"x,y","\'=HYPERLINK(""z"")"\r\n,-5\r\n');
  });
});

describe("splitting a range into whole months and edge days", () => {
  it("keeps a range inside one month as days", () => {
    expect(splitByMonths({ from: "2026-03-05", to: "2026-03-20" })).toEqual({
      months: { from: "2026-04-01", to: "2026-04-01" },
      edges: [{ from: "2026-03-05", to: "2026-03-20" }],
    });
  });
  it("reads a range of exact months as months only", () => {
    expect(splitByMonths({ from: "2025-12-01", to: "2026-02-28" })).toEqual({
      months: { from: "2025-12-01", to: "2026-03-01" },
      edges: [],
    });
  });
  it("leaves the partial months at both edges, across a year", () => {
    expect(splitByMonths({ from: "2025-11-17", to: "2026-02-09" })).toEqual({
      months: { from: "2025-12-01", to: "2026-02-01" },
      edges: [
        { from: "2025-11-17", to: "2025-11-30" },
        { from: "2026-02-01", to: "2026-02-09" },
      ],
    });
  });
  it("keeps a whole month's tail that ends the range", () => {
    expect(splitByMonths({ from: "2026-01-31", to: "2026-03-31" })).toEqual({
      months: { from: "2026-02-01", to: "2026-04-01" },
      edges: [{ from: "2026-01-31", to: "2026-01-31" }],
    });
  });
});

describe("analytics reports on the database", () => {
  let orglight: { id: number; slug: string };
  const filters = { from: "2026-03-01", to: "2026-05-14" };

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.url, { lines: 30_000, now: NOW });
    orglight = (await database.db.businessUnit.findUniqueOrThrow({ where: { slug: "orglight" }, select: { id: true, slug: true } }))!;
  });

  async function recount(unitId: number | null, from = filters.from, to = filters.to) {
    const [row] = await database.db.$queryRawUnsafe<{ revenue: string; profit: string; orders: number; customers: number }[]>(
      `SELECT coalesce(sum(revenue), 0)::text AS revenue, coalesce(sum(profit), 0)::text AS profit,
              count(DISTINCT "orderId")::int AS orders, count(DISTINCT "customerId")::int AS customers
       FROM "Sale" WHERE (("soldAt" AT TIME ZONE 'Africa/Nairobi')::date BETWEEN $1::date AND $2::date) AND ($3::int IS NULL OR "businessUnitId" = $3)`,
      from,
      to,
      unitId,
    );
    return row!;
  }

  it("scopes a unit manager to its unit, whatever it asks for", async () => {
    const manager = testUser("MANAGER", orglight);
    const query = await resolveAnalyticsQuery(manager, filters, NOW);
    expect(query.businessUnitId).toBe(orglight.id);
    await expect(resolveAnalyticsQuery(manager, { ...filters, unit: "perfil" }, NOW)).rejects.toMatchObject({ status: 403 });
    const expected = await recount(orglight.id);
    const all = await recount(null);
    const salespeople = await getAnalyticsReport("salespeople", query);
    same(salespeople.rows.reduce((sum, row) => sum.plus(row.revenue), new Decimal(0)).toString(), expected.revenue);
    expect(new Decimal(expected.revenue).lessThan(all.revenue)).toBe(true);
  });

  it("matches a recount on raw rows in every view", async () => {
    const query = await resolveAnalyticsQuery(testUser("ANALYST", null), filters, NOW);
    const expected = await recount(null);
    const [salespeople, products, branches, customers, trends] = await Promise.all([
      getAnalyticsReport("salespeople", query),
      getAnalyticsReport("products", query),
      getAnalyticsReport("branches", query),
      getAnalyticsReport("customers", query),
      getAnalyticsReport("trends", query),
    ]);
    const total = (rows: { revenue: string }[]) => rows.reduce((sum, row) => sum.plus(row.revenue), new Decimal(0)).toString();
    same(total(salespeople.rows), expected.revenue);
    same(total(products.rows), expected.revenue);
    same(total(products.lines), expected.revenue);
    same(total(branches.rows), expected.revenue);
    expect(branches.rows.reduce((sum, row) => sum + row.orders, 0)).toBe(expected.orders);
    same(customers.revenue, expected.revenue);
    expect(customers.customers).toBe(expected.customers);
    expect(customers.segments.reduce((sum, row) => sum + row.customers, 0)).toBe(expected.customers);
    same(total(trends.series), expected.revenue);
    expect(trends.series.reduce((sum, row) => sum + row.orders, 0)).toBe(expected.orders);
    same(total(trends.categories), expected.revenue);
    expect(salespeople.rows.reduce((sum, row) => sum + row.orders, 0)).toBe(expected.orders);
    expect(customers.rows.reduce((sum, row) => sum + row.orders, 0)).toBe(expected.orders);
    const previous = await recount(null, query.previous.from, query.previous.to);
    same(total(salespeople.rows.map((row) => ({ revenue: row.previousRevenue }))), previous.revenue);
  });

  it("reads whole months and the days at both edges exactly, down to each customer's last purchase", async () => {
    const range = { from: "2026-01-17", to: "2026-04-09" };
    const query = await resolveAnalyticsQuery(testUser("ADMIN", null), range, NOW);
    const expected = await recount(null, range.from, range.to);
    const [products, customers] = await Promise.all([getAnalyticsReport("products", query), getAnalyticsReport("customers", query)]);
    same(products.rows.reduce((sum, row) => sum.plus(row.revenue), new Decimal(0)).toString(), expected.revenue);
    same(customers.revenue, expected.revenue);
    expect(customers.rows.reduce((sum, row) => sum + row.orders, 0)).toBe(expected.orders);
    const raw = await database.db.$queryRawUnsafe<{ id: number; last: string; orders: number }[]>(
      `SELECT "customerId" AS id, max(("soldAt" AT TIME ZONE 'Africa/Nairobi')::date)::text AS last, count(DISTINCT "orderId")::int AS orders
       FROM "Sale" WHERE ("soldAt" AT TIME ZONE 'Africa/Nairobi')::date BETWEEN $1::date AND $2::date GROUP BY 1`,
      range.from,
      range.to,
    );
    const byId = new Map(customers.rows.map((row) => [row.id, { last: row.lastPurchase, orders: row.orders }]));
    expect(byId.size).toBe(raw.length);
    for (const row of raw) expect(byId.get(row.id)).toEqual({ last: row.last, orders: row.orders });
  });

  it("returns empty reports for a range without sales", async () => {
    const query = await resolveAnalyticsQuery(testUser("ADMIN", null), { from: "2020-01-01", to: "2020-01-31" }, NOW);
    const [salespeople, customers, trends] = await Promise.all([
      getAnalyticsReport("salespeople", query),
      getAnalyticsReport("customers", query),
      getAnalyticsReport("trends", query),
    ]);
    expect(salespeople.rows).toEqual([]);
    expect(customers).toMatchObject({ customers: 0, revenue: "0", averagePerCustomer: "0" });
    expect(trends.series).toEqual([]);
  });
});
