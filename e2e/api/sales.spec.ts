// GET /api/v1/sales: the explorer's API, keyset-paginated, scoped, and its formula-safe CSV export.
import { randomUUID } from "node:crypto";

import { expect, test } from "@playwright/test";

import { DEMO_USERS, signedIn, withAppDatabase } from "../helpers/accounts";

const RANGE = "from=2025-03-01&to=2025-03-31";

test("viewers and anonymous callers are refused", async ({ playwright, request }) => {
  expect((await request.get(`/api/v1/sales?${RANGE}`)).status()).toBe(401);
  const viewer = await signedIn(playwright.request, DEMO_USERS.VIEWER);
  const response = await viewer.get(`/api/v1/sales?${RANGE}`);
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("FORBIDDEN");
});

test("pages follow the database's order with no line twice, and bad input is a 422", async ({ playwright }) => {
  const api = await signedIn(playwright.request, DEMO_USERS.ANALYST);
  const expected = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `SELECT id FROM "Sale" WHERE ("soldAt" AT TIME ZONE 'Africa/Nairobi')::date BETWEEN '2025-03-01' AND '2025-03-31'
       ORDER BY "soldAt" DESC, id DESC LIMIT 300`,
    );
    return rows.map((row) => row.id);
  });
  const seen: number[] = [];
  let cursor = "";
  for (let page = 0; page < 3; page++) {
    const response = await api.get(`/api/v1/sales?${RANGE}&limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.status()).toBe(200);
    const { data } = await response.json();
    seen.push(...data.rows.map((row: { id: number }) => row.id));
    cursor = data.nextCursor;
    expect(cursor).toBeTruthy();
  }
  expect(seen).toEqual(expected);

  const badCursor = await api.get(`/api/v1/sales?${RANGE}&cursor=not-ours`);
  expect(badCursor.status()).toBe(422);
  expect((await badCursor.json()).error.code).toBe("INVALID_CURSOR");
  expect((await api.get(`/api/v1/sales?${RANGE}&limit=0`)).status()).toBe(422);
  expect((await api.get(`/api/v1/sales?from=2025-03-31&to=2025-03-01`)).status()).toBe(422);
});

test("a unit manager only ever sees its unit", async ({ playwright }) => {
  const manager = await signedIn(playwright.request, DEMO_USERS.MANAGER);
  const { data } = await (await manager.get(`/api/v1/sales?${RANGE}&limit=500`)).json();
  expect(data.rows.length).toBeGreaterThan(0);
  expect(new Set(data.rows.map((row: { unit: string }) => row.unit))).toEqual(new Set(["orglight"]));
  expect((await manager.get(`/api/v1/sales?${RANGE}&unit=perfil`)).status()).toBe(403);
});

test("the CSV export has every matching line, with spreadsheet formulas neutralized", async ({ playwright }) => {
  const api = await signedIn(playwright.request, DEMO_USERS.ANALYST);
  const marker = `=HYPERLINK("http://x","${randomUUID().slice(0, 8)}")`;
  // A line whose customer name a spreadsheet would run as a formula, on a day no other test reads.
  const saleId = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `WITH c AS (INSERT INTO "Customer" (code, name) VALUES ($1, $2) RETURNING id)
       INSERT INTO "Sale" ("externalKey", "orderId", "soldAt", "businessUnitId", "branchId", "salespersonId", "productId", "customerId",
                           quantity, "unitPrice", discount, revenue, cost, profit, source)
       SELECT 'e2e:' || $1, 'E2E-' || $1, '2024-02-02T09:00:00Z', s."businessUnitId", s."branchId", s.id, p.id, c.id, 1, 10, 0, 10, 6, 4, 'IMPORT'
       FROM c, (SELECT id, "businessUnitId", "branchId" FROM "Salesperson" ORDER BY id LIMIT 1) s, (SELECT id FROM "Product" ORDER BY id LIMIT 1) p
       RETURNING id`,
      [`e2e-${randomUUID().slice(0, 8)}`, marker],
    );
    return rows[0]!.id;
  });
  try {
    const response = await api.get(`/api/v1/sales?from=2024-02-02&to=2024-02-02&format=csv&q=${encodeURIComponent(marker)}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^id,order_id,sold_at,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'${marker.replaceAll('"', '""')}"`);
    expect(lines[1]!.startsWith(`${saleId},`)).toBe(true);

    // A wider export streams all pages: as many lines as the database holds for the range.
    const count = await withAppDatabase(async (client) => {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Sale" WHERE ("soldAt" AT TIME ZONE 'Africa/Nairobi')::date BETWEEN '2025-03-01' AND '2025-03-31'`,
      );
      return rows[0]!.n;
    });
    const all = await api.get(`/api/v1/sales?${RANGE}&format=csv`);
    expect((await all.text()).trimEnd().split("\r\n")).toHaveLength(count + 1);
  } finally {
    await withAppDatabase(async (client) => {
      const { rows } = await client.query<{ customerId: number }>(`DELETE FROM "Sale" WHERE id = $1 RETURNING "customerId"`, [saleId]);
      await client.query(`DELETE FROM "Customer" WHERE id = $1`, [rows[0]!.customerId]);
    });
  }
});
