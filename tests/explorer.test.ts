// The data explorer's listing on a seeded database: keyset pages that add up to the whole range,
// in both sort orders, scoped by unit, searchable, and a cursor that cannot be forged.
import { beforeAll, describe, expect, it, vi } from "vitest";

import type { AnalyticsQuery } from "../lib/analytics/scope";
import { explorerOptionsSchema, type SaleRecord } from "../lib/explorer/options";
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
const { allSales, listSalesPage } = await import("../lib/explorer/list-sales");

const NOW = new Date("2026-05-14T12:34:56.789Z");
const RANGE = { from: "2026-05-01", to: "2026-05-14" };

async function readAllPages(query: AnalyticsQuery, options: Record<string, unknown>): Promise<SaleRecord[]> {
  const rows: SaleRecord[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1_000; page++) {
    const result = await listSalesPage(query, explorerOptionsSchema.parse({ ...options, cursor }));
    rows.push(...result.rows);
    if (!result.nextCursor) return rows;
    cursor = result.nextCursor;
  }
  throw new Error("too many pages");
}

async function rawIds(unitId: number | null, order: string): Promise<number[]> {
  const rows = await database.db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT id FROM "Sale" WHERE ("soldAt" AT TIME ZONE 'Africa/Nairobi')::date BETWEEN $1::date AND $2::date
       AND ($3::int IS NULL OR "businessUnitId" = $3) ORDER BY ${order}`,
    RANGE.from,
    RANGE.to,
    unitId,
  );
  return rows.map((row) => row.id);
}

describe("the data explorer", () => {
  let orglight: { id: number; slug: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.url, { lines: 20_000, now: NOW });
    orglight = await database.db.businessUnit.findUniqueOrThrow({ where: { slug: "orglight" }, select: { id: true, slug: true } });
  });

  it("pages newest first through exactly the range's lines, none twice", async () => {
    const query = await resolveAnalyticsQuery(testUser("ANALYST", null), RANGE, NOW);
    const rows = await readAllPages(query, { limit: 97 });
    expect(rows.map((row) => row.id)).toEqual(await rawIds(null, `"soldAt" DESC, id DESC`));
    expect(rows.length).toBeGreaterThan(97 * 3);
  });

  it("pages by amount, ascending, with ties broken by id", async () => {
    const query = await resolveAnalyticsQuery(testUser("ANALYST", null), RANGE, NOW);
    const rows = await readAllPages(query, { sort: "revenue", dir: "asc", limit: 250 });
    expect(rows.map((row) => row.id)).toEqual(await rawIds(null, `revenue ASC, id ASC`));
  });

  it("keeps a unit manager to its unit, whatever it asks for", async () => {
    const manager = testUser("MANAGER", orglight);
    const query = await resolveAnalyticsQuery(manager, RANGE, NOW);
    const rows = await readAllPages(query, { limit: 500 });
    expect(rows.map((row) => row.id)).toEqual(await rawIds(orglight.id, `"soldAt" DESC, id DESC`));
    expect(new Set(rows.map((row) => row.unit))).toEqual(new Set(["orglight"]));
    await expect(resolveAnalyticsQuery(manager, { ...RANGE, unit: "perfil" }, NOW)).rejects.toMatchObject({ status: 403 });
  });

  it("finds lines by order id, product SKU or customer name", async () => {
    const query = await resolveAnalyticsQuery(testUser("ADMIN", null), RANGE, NOW);
    const [sample] = (await listSalesPage(query, explorerOptionsSchema.parse({ limit: 1 }))).rows;
    const byOrder = await readAllPages(query, { q: sample!.orderId });
    expect(byOrder.length).toBeGreaterThan(0);
    expect(byOrder.every((row) => row.orderId === sample!.orderId)).toBe(true);
    const bySku = await readAllPages(query, { q: sample!.sku.toLowerCase(), limit: 500 });
    expect(bySku.every((row) => row.sku.toLowerCase().includes(sample!.sku.toLowerCase()))).toBe(true);
    expect(bySku.some((row) => row.id === sample!.id)).toBe(true);
    const byCustomer = await readAllPages(query, { q: sample!.customer, limit: 500 });
    expect(byCustomer.some((row) => row.id === sample!.id)).toBe(true);
    // Wildcards are plain characters.
    expect((await listSalesPage(query, explorerOptionsSchema.parse({ q: "%" }))).rows).toEqual([]);
  });

  it("refuses a cursor it did not issue, or one for another sort", async () => {
    const query = await resolveAnalyticsQuery(testUser("ADMIN", null), RANGE, NOW);
    const first = await listSalesPage(query, explorerOptionsSchema.parse({ limit: 5 }));
    for (const cursor of ["nonsense", Buffer.from('["x", 1]').toString("base64url"), Buffer.from("[1]").toString("base64url")]) {
      await expect(listSalesPage(query, explorerOptionsSchema.parse({ cursor }))).rejects.toMatchObject({
        status: 422,
        code: "INVALID_CURSOR",
      });
    }
    await expect(listSalesPage(query, explorerOptionsSchema.parse({ cursor: first.nextCursor, sort: "revenue" }))).rejects.toMatchObject({
      status: 422,
    });
  });

  it("exports every matching line through the same order, page after page", async () => {
    const query = await resolveAnalyticsQuery(testUser("ANALYST", null), RANGE, NOW);
    const ids: number[] = [];
    for await (const rows of allSales(query, { sort: "soldAt", dir: "desc" })) ids.push(...rows.map((row) => row.id));
    expect(ids).toEqual(await rawIds(null, `"soldAt" DESC, id DESC`));
  });
});
