// The app in the hosted topology (e2e/hosted/serve.ts): nothing but HTTP moves it. KPIs change
// because writers publish after commit, the invoice stream advances because open pages ask for
// ticks, and crons answer only to the secret.
import { expect, test, type Page } from "@playwright/test";

import { HOSTED } from "../../playwright.config";
import { DEMO_USERS } from "../helpers/accounts";
import { signInWithForm } from "../helpers/ui";

const HEADER =
  "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,product_name,quantity,unit_price,unit_cost\n";
const businessToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Nairobi" }).format(new Date());

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await signInWithForm(page, email, HOSTED.demoPassword);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test("a signed-in overview moves live when a file is uploaded through the API", async ({ page }) => {
  await signIn(page, DEMO_USERS.ADMIN);
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "LIVE");
  const orders = page.getByTestId("kpi-orders-today-value");
  const before = await orders.textContent();
  let navigations = 0;
  page.on("framenavigated", () => (navigations += 1));

  const file = `${HEADER}HOSTED-${Date.now()},1,${businessToday()},orglight,Hosted Region,HST-A,hst-rep,hst-cust,HST-SKU-1,Widget,2,500,300\n`;
  const upload = await page.request.post("/api/v1/pipeline/runs", {
    multipart: { preset: "canonical", file: { name: "hosted.csv", mimeType: "text/csv", buffer: Buffer.from(file) } },
  });
  expect(upload.status()).toBe(202);
  const runId = (await upload.json()).data.runId as number;
  const runStatus = async () =>
    ((await (await page.request.get(`/api/v1/pipeline/runs/${runId}`)).json()) as { data: { status: string } }).data.status;
  await expect.poll(runStatus, { timeout: 30_000 }).toBe("SUCCEEDED");
  await expect(orders).not.toHaveText(before ?? "", { timeout: 10_000 });
  expect(navigations).toBe(0);
});

test("the invoice stream advances while the page is open, with no cron call", async ({ page }) => {
  await signIn(page, DEMO_USERS.ADMIN);
  // Started first, so the page opens on a running generator and asks for ticks from its first second.
  const started = await page.request.post("/api/control/start", { data: { ratePerSecond: 5, durationSeconds: 60 } });
  expect(started.ok()).toBe(true);
  try {
    await page.goto("/invoices");
    await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "LIVE");
    await expect(page.getByTestId("generator-state")).toHaveAttribute("data-state", "RUNNING");
    const stats = page.getByTestId("stats-count");
    const first = Number(await stats.textContent());
    await expect.poll(async () => Number(await stats.textContent()), { timeout: 20_000 }).toBeGreaterThanOrEqual(first + 10);
  } finally {
    await page.request.post("/api/control/stop", { data: {} });
  }
});

test("a cron call needs the secret", async ({ request }) => {
  const wrong = await request.get("/api/cron/refresh-kpis", { headers: { authorization: "Bearer not-the-secret" } });
  expect(wrong.status()).toBe(401);
  const right = await request.get("/api/cron/refresh-kpis", { headers: { authorization: `Bearer ${HOSTED.secrets.CRON_SECRET}` } });
  expect(right.status()).toBe(200);
});
