import { DEMO_USERS } from "../helpers/accounts";
import { writeSale } from "../helpers/sales";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

test("a KPI card changes within 2 s of a sale being written, with no reload", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ADMIN);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "LIVE");
  const orders = page.getByTestId("kpi-orders-today-value");
  const before = await orders.textContent();
  let navigations = 0;
  page.on("framenavigated", () => (navigations += 1));

  const written = Date.now();
  await writeSale();
  await expect(orders).not.toHaveText(before ?? "", { timeout: 2_000 });
  expect(Date.now() - written).toBeLessThan(2_000);
  expect(navigations).toBe(0);
});

test("a scoped manager's overview shows only its unit and stays live", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.MANAGER);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "LIVE");
  const response = await page.request.get("/api/v1/kpis");
  expect((await response.json()).data.scope).toBe("orglight");
  expect((await page.request.get("/api/v1/kpis?scope=perfil")).status()).toBe(403);
  expect((await page.request.get("/api/v1/kpis?scope=all")).status()).toBe(403);
});

test("/status lists the live hubs with their subscribers", async ({ page, context }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ADMIN);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "LIVE");
  const status = await context.newPage();
  await status.goto("/status");
  await expect(status.getByTestId("health-realtime")).toHaveAttribute("data-status", "up");
  await expect(status.getByTestId("hub-row").filter({ hasText: "private-kpis" }).first()).toBeVisible({ timeout: 10_000 });
  await expect(status.getByTestId("scheduler-table")).toContainText("orglight");
});
