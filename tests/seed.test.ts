import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";

import { COUNTY_NAMES } from "../lib/geo/kenya-map";
import { formatScaled } from "../lib/invoices/money";
import { calculateLineAmounts } from "../lib/seed/money";
import { createRandom } from "../lib/seed/random";
import { seedDemoData, type SeedSummary } from "../lib/seed/seed-demo-data";
import { env, LOCAL_DEMO_PASSWORD } from "../lib/server/env";
import type { Database } from "../lib/server/prisma-client";
import { createTestDatabase } from "./helpers/database";

const FIXED_NOW = new Date("2026-03-14T10:27:31.123Z");

/** One row of numbers: SQL casts keep Prisma from returning bigint or Decimal. */
async function queryOne<T>(db: Database, sql: string): Promise<T> {
  const rows = await db.$queryRawUnsafe<T[]>(sql);
  if (!rows[0]) throw new Error(`no row from ${sql}`);
  return rows[0];
}

// Natural keys only, so the checksum does not depend on serial ids.
const SALES_CHECKSUM_SQL = `
SELECT count(*)::int AS count, md5(string_agg(concat_ws('|', s."externalKey", s."orderId", s."soldAt", u.slug, b.code, sp.code, p.sku,
  c.code, c.name, s.quantity, s."unitPrice", s.discount, s.revenue, s.cost, s.profit), ',' ORDER BY s."externalKey")) AS checksum
FROM "Sale" s JOIN "BusinessUnit" u ON u.id = s."businessUnitId" JOIN "Branch" b ON b.id = s."branchId"
JOIN "Salesperson" sp ON sp.id = s."salespersonId" JOIN "Product" p ON p.id = s."productId" JOIN "Customer" c ON c.id = s."customerId"`;

describe("money", () => {
  it("rounds revenue half up to 4 decimals and keeps profit exact", () => {
    // 0.01 × (1 − 0.0005) = 0.009995 → 0.0100
    expect(formatScaled(calculateLineAmounts(1, 1, 0, 5).revenue, 4)).toBe("0.0100");
    // 7 × 123.45 × (1 − 0.125) = 756.13125 → 756.1313; cost 7 × 150
    const line = calculateLineAmounts(7, 123_45, 150_00, 1250);
    expect(formatScaled(line.revenue, 4)).toBe("756.1313");
    expect(formatScaled(line.profit, 4)).toBe("-293.8687");
    expect(formatScaled(5n, 4)).toBe("0.0005");
  });

  it("draws the same numbers from the same seed", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
});

describe("seedDemoData with the default size", () => {
  const now = new Date();
  let db: Database;
  let url: string;
  let summary: SeedSummary;

  beforeAll(async () => {
    ({ db, url } = await createTestDatabase());
    const started = performance.now();
    const result = await seedDemoData(url, { now });
    expect(performance.now() - started).toBeLessThan(30_000);
    if (!result) throw new Error("a fresh database was reported as already seeded");
    summary = result;
  });

  it("creates the company: units, regions, branches in real counties, team, catalog, customers", async () => {
    const units = await db.businessUnit.findMany({ orderBy: { slug: "asc" } });
    expect(units.map((unit) => [unit.slug, unit.name])).toEqual([
      ["orglight", "Orglight"],
      ["perfil", "Perfil"],
    ]);
    const counts = await queryOne<Record<string, number>>(
      db,
      `SELECT
      (SELECT count(*)::int FROM "Branch") AS branches,
      (SELECT count(DISTINCT "regionId")::int FROM "Branch") AS regions,
      (SELECT count(*)::int FROM "Salesperson" WHERE "branchId" IS NOT NULL AND "businessUnitId" IS NOT NULL) AS salespeople,
      (SELECT count(*)::int FROM "Product") AS products,
      (SELECT count(DISTINCT line)::int FROM "Product") AS lines,
      (SELECT count(DISTINCT category)::int FROM "Product") AS categories,
      (SELECT count(*)::int FROM "Product" WHERE "listPrice" <= "unitCost") AS unprofitable,
      (SELECT count(*)::int FROM "Customer" WHERE segment IS NOT NULL AND city IS NOT NULL) AS customers`,
    );
    expect(counts.branches).toBeGreaterThanOrEqual(8);
    expect(counts.regions).toBeGreaterThanOrEqual(4);
    expect(counts.salespeople).toBeGreaterThanOrEqual(30);
    expect(counts.products).toBeGreaterThanOrEqual(200);
    expect(counts.lines).toBeGreaterThanOrEqual(6);
    expect(counts.categories).toBeGreaterThanOrEqual(12);
    expect(counts.unprofitable).toBe(0);
    expect(counts.customers).toBeGreaterThanOrEqual(2_000);
    expect(summary).toMatchObject({ branches: counts.branches, products: counts.products, customers: counts.customers, users: 4 });
  });

  it("places every branch in a county of the shipped map", async () => {
    const branches = await db.branch.findMany({ select: { county: true } });
    for (const { county } of branches) expect(COUNTY_NAMES).toContain(county);
  });

  it("writes 220,000 sale lines over 24 months, up to the current hour", async () => {
    const span = await queryOne<{ lines: number; orders: number; months: number; latest: Date; thisHour: number; yesterday: number }>(
      db,
      `SELECT
      count(*)::int AS lines, count(DISTINCT "orderId")::int AS orders,
      (extract(epoch FROM max("soldAt") - min("soldAt")) / 86400 / 30.44)::float8 AS months, max("soldAt") AS latest,
      count(*) FILTER (WHERE "soldAt" >= date_trunc('hour', '${now.toISOString()}'::timestamptz, 'UTC'))::int AS "thisHour",
      count(*) FILTER (WHERE ("soldAt" AT TIME ZONE 'Africa/Nairobi')::date = ('${now.toISOString()}'::timestamptz AT TIME ZONE 'Africa/Nairobi')::date - 1)::int AS yesterday
      FROM "Sale"`,
    );
    expect(span.lines).toBe(220_000);
    expect(summary).toMatchObject({ sales: span.lines, orders: span.orders });
    expect(span.months).toBeGreaterThan(23.5);
    expect(span.months).toBeLessThan(24.1);
    expect(span.latest.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(span.thisHour).toBeGreaterThan(0);
    expect(span.yesterday).toBeGreaterThan(50);
  });

  it("keeps every line's amounts exact and orders of 1 to 6 lines", async () => {
    const checks = await queryOne<{ violations: number; biggestOrder: number }>(
      db,
      `SELECT
      count(*) FILTER (WHERE s.revenue <> round(s.quantity * s."unitPrice" * (1 - s.discount), 4)
        OR s.cost <> s.quantity * p."unitCost" OR s.profit <> s.revenue - s.cost
        OR s.quantity < 1 OR s.discount NOT BETWEEN 0 AND 0.25 OR s.source <> 'SEED'
        OR s."externalKey" NOT LIKE 'seed:' || s."orderId" || ':%')::int AS violations,
      (SELECT max(n)::int FROM (SELECT count(*) AS n FROM "Sale" GROUP BY "orderId") o) AS "biggestOrder"
      FROM "Sale" s JOIN "Product" p ON p.id = s."productId"`,
    );
    expect(checks.violations).toBe(0);
    expect(checks.biggestOrder).toBe(6);
  });

  it("builds rollups whose totals equal the raw sales", async () => {
    // Each pair is compared both ways, so a missing row and an extra row both count.
    const twoDaysAgo = new Date(now.getTime() - 48 * 3_600_000 - (now.getTime() % 3_600_000)).toISOString();
    const mismatches = await queryOne<{ byUnit: number; byDay: number; byHour: number }>(
      db,
      `
      WITH sale_units AS (SELECT "businessUnitId", sum(revenue) AS revenue, sum(cost) AS cost, sum(profit) AS profit, sum(quantity) AS quantity, count(*) AS lines FROM "Sale" GROUP BY 1),
      rollup_units AS (SELECT "businessUnitId", sum(revenue), sum(cost), sum(profit), sum(quantity), sum(lines) FROM "SalesHourlyRollup" GROUP BY 1),
      sale_days AS (SELECT ("soldAt" AT TIME ZONE 'Africa/Nairobi')::date AS day, "businessUnitId", sum(revenue) AS revenue, sum(profit) AS profit, count(*) AS lines FROM "Sale" GROUP BY 1, 2),
      rollup_days AS (SELECT day, "businessUnitId", sum(revenue), sum(profit), sum(lines) FROM "SalesDailyRollup" GROUP BY 1, 2),
      sale_hours AS (SELECT date_trunc('hour', "soldAt", 'UTC') AS hour, "businessUnitId", "branchId", sum(revenue) AS revenue, count(*)::int AS lines
        FROM "Sale" WHERE "soldAt" >= '${twoDaysAgo}' GROUP BY 1, 2, 3),
      rollup_hours AS (SELECT hour, "businessUnitId", "branchId", revenue, lines FROM "SalesHourlyRollup" WHERE hour >= '${twoDaysAgo}')
      SELECT
        (SELECT count(*) FROM ((TABLE sale_units EXCEPT TABLE rollup_units) UNION ALL (TABLE rollup_units EXCEPT TABLE sale_units)) d)::int AS "byUnit",
        (SELECT count(*) FROM ((TABLE sale_days EXCEPT TABLE rollup_days) UNION ALL (TABLE rollup_days EXCEPT TABLE sale_days)) d)::int AS "byDay",
        (SELECT count(*) FROM ((TABLE sale_hours EXCEPT TABLE rollup_hours) UNION ALL (TABLE rollup_hours EXCEPT TABLE sale_hours)) d)::int AS "byHour"`,
    );
    expect(mismatches).toEqual({ byUnit: 0, byDay: 0, byHour: 0 });
    expect(summary.dailyRollups).toBe(await db.salesDailyRollup.count());
  });

  it("shows weekly, seasonal and sales-team patterns", async () => {
    const perDay = await queryOne<{ weekday: number; weekend: number; december: number; overall: number }>(
      db,
      `
      WITH days AS (
        SELECT ("soldAt" AT TIME ZONE 'Africa/Nairobi')::date AS day, sum(revenue)::float8 AS revenue FROM "Sale" GROUP BY 1)
      SELECT avg(revenue) FILTER (WHERE extract(isodow FROM day) < 6) AS weekday,
             avg(revenue) FILTER (WHERE extract(isodow FROM day) >= 6) AS weekend,
             avg(revenue) FILTER (WHERE extract(month FROM day) = 12) AS december,
             avg(revenue) AS overall
      FROM days`,
    );
    expect(perDay.weekend).toBeLessThan(perDay.weekday * 0.8);
    expect(perDay.december).toBeGreaterThan(perDay.overall * 1.1);
    const team = await queryOne<{ top: number; median: number }>(
      db,
      `
      WITH people AS (SELECT "salespersonId", sum(revenue)::float8 AS revenue FROM "Sale" GROUP BY 1)
      SELECT max(revenue) AS top, percentile_cont(0.5) WITHIN GROUP (ORDER BY revenue) AS median FROM people`,
    );
    expect(team.top).toBeGreaterThanOrEqual(team.median * 1.5);
  });

  it("creates the four demo users with hashed passwords", async () => {
    const users = await db.user.findMany({
      select: { email: true, name: true, role: true, locale: true, passwordHash: true, businessUnit: { select: { slug: true } } },
      orderBy: { email: "asc" },
    });
    expect(users.map((user) => [user.email, user.role, user.businessUnit?.slug ?? null, user.locale])).toEqual([
      ["admin@pulseboard.local", "ADMIN", null, "en"],
      ["analyst@pulseboard.local", "ANALYST", null, "en"],
      ["manager@pulseboard.local", "MANAGER", "orglight", "en"],
      ["viewer@pulseboard.local", "VIEWER", null, "en"],
    ]);
    expect(users.find((user) => user.role === "ADMIN")?.name).toBe("Ada Admin");
    // Nothing configured: the public demo password of local runs.
    const password = env.DEMO_PASSWORD ?? LOCAL_DEMO_PASSWORD;
    for (const user of users) {
      expect(user.passwordHash).not.toBe(password);
      expect(user.passwordHash).toMatch(/^\$2[aby]\$10\$/);
      expect(await bcrypt.compare(password, user.passwordHash)).toBe(true);
    }
    expect(await db.generatorState.findUnique({ where: { id: 1 } })).toMatchObject({ status: "IDLE", produced: 0 });
  });

  it("seeds only once: a second run returns null and changes nothing", async () => {
    const state = `SELECT (SELECT count(*)::int FROM "Sale") AS sales, (SELECT max(id)::int FROM "Sale") AS "maxSale",
      (SELECT count(*)::int FROM "Customer") AS customers, (SELECT count(*)::int FROM "User") AS users,
      (SELECT count(*)::int FROM "SalesDailyRollup") AS rollups`;
    const before = await queryOne<Record<string, number>>(db, state);
    expect(await seedDemoData(url, { lines: 1_000 })).toBeNull();
    expect(await queryOne<Record<string, number>>(db, state)).toEqual(before);
  });
});

describe("seedDemoData determinism", () => {
  it("gives identical rows for the same seed and time", async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    const options = { lines: 5_000, now: FIXED_NOW };
    const [a, b] = await Promise.all([seedDemoData(first.url, options), seedDemoData(second.url, options)]);
    expect(a).toMatchObject({ sales: 5_000 });
    expect(b).toMatchObject({ sales: 5_000 });
    const [checksumA, checksumB] = await Promise.all([queryOne(first.db, SALES_CHECKSUM_SQL), queryOne(second.db, SALES_CHECKSUM_SQL)]);
    expect(checksumA).toEqual({ count: 5_000, checksum: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(checksumB).toEqual(checksumA);
    const latest = await first.db.sale.aggregate({ _max: { soldAt: true } });
    expect(latest._max.soldAt?.getTime()).toBeLessThanOrEqual(FIXED_NOW.getTime());
    expect(latest._max.soldAt?.getTime()).toBeGreaterThanOrEqual(FIXED_NOW.getTime() - (FIXED_NOW.getTime() % 3_600_000));
  });
});
