import { randomUUID } from "node:crypto";

import type { Browser, Page } from "@playwright/test";

import { DEMO_USERS } from "../helpers/accounts";
import { writeSale } from "../helpers/sales";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

// Each test drives two browsers (the creator's and the anonymous viewer's) and waits for a KPI refresh.
test.describe.configure({ timeout: 60_000 });

/** A browser context with no session, on the project's device (desktop or phone). */
async function anonymousViewer(browser: Browser) {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = test.info().project.use;
  return browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });
}

/** Creates a share link on /admin/shares as the signed-in page's user and reads its URL, shown once. */
async function createShareLink(page: Page, { label, scope, kiosk = false }: { label: string; scope?: string; kiosk?: boolean }) {
  await page.goto("/admin/shares");
  await page.getByTestId("share-label").fill(label);
  if (scope) await page.getByTestId("share-scope").selectOption(scope);
  await page.getByTestId("share-expiry").selectOption("1d");
  if (kiosk) await page.getByTestId("share-kiosk").check();
  await page.getByTestId("share-submit").click();
  const url = await page.getByTestId("share-url").inputValue();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{32}$/);
  const row = page.getByTestId("share-links").locator(`tr[data-label="${label}"]`);
  await expect(row).toHaveAttribute("data-status", "active");
  return { url, row };
}

test("a manager's share link opens with no session, updates live, and shows revoked within 5 s of revocation", async ({
  page,
  browser,
}) => {
  const label = `E2E shop TV ${randomUUID().slice(0, 8)}`;
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.MANAGER);
  await expect(page).toHaveURL(/\/$/);
  const { url, row } = await createShareLink(page, { label });
  // A manager scoped to Orglight may share nothing wider.
  await expect(page.getByTestId("share-scope").locator("option")).toHaveText(["Orglight"]);

  const context = await anonymousViewer(browser);
  expect(await context.cookies()).toEqual([]);
  const viewer = await context.newPage();
  const opened = await viewer.goto(url);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  await expect(viewer.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(viewer.getByRole("heading", { level: 1 })).toHaveText(label);
  await expect(viewer.getByTestId("connection-status")).toHaveAttribute("data-status", "LIVE");
  // No navigation, no account.
  await expect(viewer.getByTestId("nav")).toHaveCount(0);
  await expect(viewer.getByTestId("user-menu-button")).toHaveCount(0);

  const orders = viewer.getByTestId("kpi-orders-today-value");
  const before = await orders.textContent();
  let navigations = 0;
  viewer.on("framenavigated", () => (navigations += 1));
  await writeSale(1234.5, "orglight");
  await expect(orders).not.toHaveText(before ?? "", { timeout: 10_000 });
  expect(navigations).toBe(0);

  await row.getByTestId("share-revoke").click();
  const revoked = Date.now();
  await expect(viewer.getByTestId("share-unavailable")).toHaveAttribute("data-reason", "revoked", { timeout: 5_000 });
  expect(Date.now() - revoked).toBeLessThan(5_000);
  await expect(viewer.getByTestId("kpi-orders-today-value")).toHaveCount(0);
  await expect(row).toHaveAttribute("data-status", "revoked");

  const reopened = await viewer.goto(url);
  expect(reopened?.status()).toBe(410);
  await expect(viewer.getByTestId("share-unavailable")).toHaveAttribute("data-reason", "revoked");
  await context.close();
});

test("an admin's all-units link in kiosk layout shows the wall, counts the view and is refused once revoked", async ({ page, browser }) => {
  const label = `E2E lobby ${randomUUID().slice(0, 8)}`;
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ADMIN);
  await expect(page).toHaveURL(/\/$/);
  const { url, row } = await createShareLink(page, { label, scope: "all", kiosk: true });

  const context = await anonymousViewer(browser);
  const viewer = await context.newPage();
  expect((await viewer.goto(url))?.status()).toBe(200);
  await expect(viewer.getByTestId("kiosk")).toBeVisible();
  await expect(viewer.getByTestId("connection-status")).toHaveAttribute("data-status", "LIVE");
  await expect(viewer.getByTestId("invoice-ticker")).toBeVisible();

  await page.reload();
  await expect(row.locator("td").nth(7)).toHaveText("1");
  await row.getByTestId("share-revoke").click();
  await expect(viewer.getByTestId("share-unavailable")).toHaveAttribute("data-reason", "revoked", { timeout: 5_000 });
  // The viewer's own endpoints refuse the token from then on.
  const token = new URL(url).pathname.split("/").pop()!;
  const refused = await viewer.request.get(new URL("/api/share/kpis", url).toString(), { headers: { "x-share-token": token } });
  expect(refused.status()).toBe(410);
  expect((await refused.json()).error.code).toBe("SHARE_REVOKED");
  await context.close();
});
