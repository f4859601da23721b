// The live invoice stream page, on desktop and phone: controls only for admins and managers,
// live stats, and a grid that reveals queued invoices at ~2 a second, draining after Stop.
import type { Page } from "@playwright/test";

import { DEMO_USERS } from "../helpers/accounts";
import { driveTicks, holdGenerator } from "../helpers/invoice-generator";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

/** The generator status as the signed-in page sees it. */
const readStatus = async (page: Page) =>
  (await (await page.request.get("/api/system/status")).json()).data as { state: string; produced: number };

const count = async (page: Page, id: string) => Number(await page.getByTestId(id).getAttribute("data-value"));

/** Shown and backlog read together (the grid reveals between two separate reads), with the page's clock. */
const figures = (page: Page) =>
  page.evaluate(() => {
    const read = (id: string) => Number(document.querySelector(`[data-testid="${id}"]`)?.getAttribute("data-value"));
    return { shown: read("shown-count"), backlog: read("backlog-count"), at: performance.now() };
  });

async function openAs(page: Page, email: string) {
  await page.goto("/login");
  await signInWithForm(page, email);
  await page.waitForURL((url) => url.pathname !== "/login");
  await page.goto("/invoices");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "LIVE");
}

test("viewers watch the stream without controls; the API refuses them anyway", async ({ page }) => {
  await openAs(page, DEMO_USERS.VIEWER);
  for (const id of [
    "stats-count",
    "stats-total",
    "stats-vat",
    "stats-average",
    "generator-state",
    "shown-count",
    "backlog-count",
    "invoice-grid",
  ]) {
    await expect(page.getByTestId(id)).toBeVisible();
  }
  await expect(page.getByTestId("start-button")).toHaveCount(0);
  await expect(page.getByTestId("stop-button")).toHaveCount(0);
  await expect(page.getByTestId("reset-button")).toHaveCount(0);
  expect((await page.request.post("/api/control/start", { data: {} })).status()).toBe(403);
});

test("the grid reveals invoices at about 2 a second, live, and drains its backlog after Stop", async ({ page, request }, testInfo) => {
  test.setTimeout(180_000);
  const phone = testInfo.project.name === "phone";
  const release = await holdGenerator();
  try {
    await openAs(page, DEMO_USERS.ADMIN);
    // Start from nothing, through the confirmation dialog.
    await page.request.post("/api/control/stop");
    await page.getByTestId("reset-button").click();
    // The figures may read 0 already, so wait for the reset itself: landing later, it would wipe the run below.
    const reset = page.waitForResponse((response) => response.url().endsWith("/api/control/reset"));
    await page.getByTestId("reset-confirm").click();
    expect((await reset).status()).toBe(200);
    await expect(page.getByTestId("stats-count")).toHaveText("0");
    await expect(page.getByTestId("shown-count")).toHaveAttribute("data-value", "0");

    // A first quick run, so there are rows to scroll; a reload shows everything known at once.
    expect((await page.request.post("/api/control/start", { data: { ratePerSecond: 60, durationSeconds: 1 } })).status()).toBe(200);
    const stopFirst = driveTicks(request);
    await expect.poll(async () => (await readStatus(page)).state, { timeout: 20_000 }).toBe("IDLE");
    await stopFirst();
    await page.reload();
    await expect(page.getByTestId("shown-count")).toHaveAttribute("data-value", "60");
    await expect(page.getByTestId("backlog-count")).toHaveAttribute("data-value", "0");

    await page.getByTestId("rate-input").fill("10");
    await page.getByTestId("duration-input").fill("120");
    await page.getByTestId("start-button").click();
    await expect(page.getByTestId("generator-state")).toHaveAttribute("data-state", "RUNNING");
    const stopTicks = driveTicks(request);
    try {
      // Invoices arrive live: produced and the stats count climb without a reload.
      await expect.poll(() => count(page, "produced-count"), { timeout: 20_000 }).toBeGreaterThanOrEqual(25);
      await page.getByTestId("stop-button").click();
      await expect(page.getByTestId("generator-state")).toHaveAttribute("data-state", "IDLE");
    } finally {
      await stopTicks();
    }
    const { produced } = await readStatus(page);
    await expect.poll(() => count(page, "produced-count")).toBe(produced);
    await expect(page.getByTestId("stats-count")).toHaveText(String(60 + produced));

    // The backlog keeps draining after Stop, at ~2 a second.
    const before = await figures(page);
    expect(before.shown + before.backlog).toBe(60 + produced);
    expect(before.backlog).toBeGreaterThan(8);
    await page.waitForTimeout(4_000);
    const after = await figures(page);
    const perSecond = ((after.shown - before.shown) * 1000) / (after.at - before.at);
    expect(perSecond).toBeGreaterThan(1.4);
    expect(perSecond).toBeLessThan(2.6);
    expect(after.shown + after.backlog).toBe(60 + produced);

    const grid = page.getByTestId("invoice-grid");
    const rows = grid.getByTestId("invoice-row");
    // Newest on top, highlighted when it appears.
    const newest = async () => {
      const numbers = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-number") ?? ""));
      return numbers.length ? numbers : [""];
    };
    await expect(rows.first()).toHaveAttribute("data-highlighted", "true");
    expect((await rows.first().boundingBox())!.height).toBeGreaterThan(phone ? 80 : 30);
    await expect(page.getByRole("columnheader")).toHaveCount(phone ? 0 : 8);

    // Scrolling away pauses following and offers a jump back to the newest.
    await grid.evaluate((element) => element.scrollTo({ top: 200 }));
    await expect(page.getByTestId("jump-to-newest")).toBeVisible();
    await expect(grid).toHaveAttribute("data-following", "false");
    await page.waitForTimeout(1_200);
    // Rows revealed meanwhile went above the viewport: what the reader looks at did not move.
    expect(await grid.evaluate((element) => element.scrollTop)).toBeGreaterThan(200);
    await page.getByTestId("jump-to-newest").click();
    await expect(grid).toHaveAttribute("data-following", "true");
    await expect(page.getByTestId("jump-to-newest")).toHaveCount(0);

    await expect.poll(() => count(page, "backlog-count"), { timeout: 60_000, intervals: [1_000] }).toBe(0);
    expect(await count(page, "shown-count")).toBe(60 + produced);
    const [top] = await newest();
    const latest = (await (await page.request.get("/api/invoices?limit=1")).json()).data[0];
    expect(top).toBe(latest.number);
  } finally {
    await page.request.post("/api/control/stop");
    await page.request.post("/api/control/reset");
    await release();
  }
});
