import { expect, test } from "@playwright/test";

import { DEMO_USERS } from "../helpers/accounts";
import { writeSale } from "../helpers/sales";
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
