import { expect, test } from "@playwright/test";

import { DEMO_USERS, signedIn, withAppDatabase } from "../helpers/accounts";

const VIEWS = ["salespeople", "products", "branches", "customers", "trends"] as const;
const RANGE = "from=2025-01-01&to=2025-12-31";

async function recount(unitSlug: string | null) {
  return withAppDatabase(async (client) => {
    const { rows } = await client.query<{ revenue: string }>(
      `SELECT coalesce(sum(s.revenue), 0)::text AS revenue FROM "Sale" s JOIN "BusinessUnit" u ON u.id = s."businessUnitId"
       WHERE (s."soldAt" AT TIME ZONE 'Africa/Nairobi')::date BETWEEN '2025-01-01' AND '2025-12-31' AND ($1::text IS NULL OR u.slug = $1)`,
      [unitSlug],
    );
    return Number(rows[0]!.revenue);
  });
}

const sum = (rows: { revenue: string }[]) => rows.reduce((total, row) => total + Number(row.revenue), 0);

test("every view answers in the envelope and matches a recount on raw rows", async ({ playwright }) => {
  const api = await signedIn(playwright.request, DEMO_USERS.ANALYST);
  const expected = await recount(null);
  for (const view of VIEWS) {
    const response = await api.get(`/api/v1/analytics/${view}?${RANGE}`);
    expect(response.status(), view).toBe(200);
    const body = await response.json();
    expect(body.error).toBeNull();
    expect(body.data.meta.range).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  }
  const trends = (await (await api.get(`/api/v1/analytics/trends?${RANGE}`)).json()).data;
  expect(sum(trends.series)).toBeCloseTo(expected, 2);
  const branches = (await (await api.get(`/api/v1/analytics/branches?${RANGE}`)).json()).data;
  expect(sum(branches.rows)).toBeCloseTo(expected, 2);
});

test("a bad or inverted range is a 422 with a message; an unknown view is a 404", async ({ playwright }) => {
  const api = await signedIn(playwright.request, DEMO_USERS.ANALYST);
  const inverted = await api.get("/api/v1/analytics/salespeople?from=2025-05-01&to=2025-04-01");
  expect(inverted.status()).toBe(422);
  expect(JSON.stringify((await inverted.json()).error)).toContain("from must be on or before to");
  expect((await api.get("/api/v1/analytics/trends?from=2019-01-01&to=2025-01-01")).status()).toBe(422);
  expect((await api.get("/api/v1/analytics/trends?from=yesterday&to=today")).status()).toBe(422);
  expect((await api.get("/api/v1/analytics/weather")).status()).toBe(404);
});

test("a scoped manager gets only its unit's numbers", async ({ playwright }) => {
  const api = await signedIn(playwright.request, DEMO_USERS.MANAGER);
  const body = (await (await api.get(`/api/v1/analytics/branches?${RANGE}`)).json()).data;
  expect(body.meta.unit).toBe("orglight");
  expect(sum(body.rows)).toBeCloseTo(await recount("orglight"), 2);
  expect((await api.get(`/api/v1/analytics/branches?${RANGE}&unit=perfil`)).status()).toBe(403);
});

test("CSV export is for analysts and above, never viewers", async ({ playwright }) => {
  const analyst = await signedIn(playwright.request, DEMO_USERS.ANALYST);
  const csv = await analyst.get(`/api/v1/analytics/products?${RANGE}&format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toBe("sku,product,line,category,revenue,profit,margin,units,share,cumulative_share,abc");
  const viewer = await signedIn(playwright.request, DEMO_USERS.VIEWER);
  expect((await viewer.get(`/api/v1/analytics/products?${RANGE}`)).status()).toBe(200);
  expect((await viewer.get(`/api/v1/analytics/products?${RANGE}&format=csv`)).status()).toBe(403);
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get("/api/v1/analytics/products")).status()).toBe(401);
});
