import type { ChildProcess } from "node:child_process";

import type { Page } from "@playwright/test";

import { DEMO_USERS, withAppDatabase } from "../helpers/accounts";
import { killRealtimeServer, startRealtimeServer } from "../helpers/realtime-server";
import { writeSale } from "../helpers/sales";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

// These tests break what every other test relies on, so they run alone, in order.
test.describe.configure({ mode: "serial" });

async function openOverview(page: Page) {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ADMIN);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "LIVE");
}

test("when KPI computation fails, the last snapshot stays and the page says it is stale", async ({ page }) => {
  await openOverview(page);
  const revenue = page.getByTestId("kpi-revenue-today-value");
  const shown = await revenue.textContent();
  await withAppDatabase((client) => client.query(`ALTER TABLE "SalesHourlyRollup" RENAME TO "SalesHourlyRollup_unavailable"`));
  try {
    await expect(page.getByTestId("kpi-stale")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("kpi-stale")).toContainText(/SalesHourlyRollup/);
    await expect(revenue).toHaveText(shown ?? "");
  } finally {
    await withAppDatabase((client) => client.query(`ALTER TABLE "SalesHourlyRollup_unavailable" RENAME TO "SalesHourlyRollup"`));
  }
  await expect(page.getByTestId("kpi-stale")).toBeHidden({ timeout: 15_000 });
});

test("with the realtime server down the page shows RECONNECTING and keeps its data, then recovers and catches up", async ({ page }) => {
  let restarted: ChildProcess | undefined;
  try {
    await openOverview(page);
    const orders = page.getByTestId("kpi-orders-today-value");
    const before = await orders.textContent();

    await killRealtimeServer();
    await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "RECONNECTING", { timeout: 10_000 });
    await expect(orders).toHaveText(before ?? "");

    await writeSale();
    restarted = await startRealtimeServer();
    await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "LIVE", { timeout: 30_000 });
    await expect(orders).not.toHaveText(before ?? "", { timeout: 10_000 });
  } finally {
    restarted?.kill("SIGTERM");
  }
});
