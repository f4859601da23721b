import { readFileSync } from "node:fs";
import path from "node:path";

import type { Locator, Page } from "@playwright/test";

import { DEMO_USERS } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

// A browser in UTC: every time on screen must still be the business clock (Nairobi, UTC+3).
test.use({ timezoneId: "UTC", locale: "en-US" });

const BUSINESS_ZONE = "Africa/Nairobi";
// Written out here rather than imported, so the test does not share the app's formatter.
const inZone = (timeZone: string, options: Intl.DateTimeFormatOptions) => (iso: string) =>
  new Intl.DateTimeFormat("en", { ...options, timeZone }).format(new Date(iso));
const businessDateTime = inZone(BUSINESS_ZONE, { dateStyle: "medium", timeStyle: "medium" });
const businessTime = inZone(BUSINESS_ZONE, { timeStyle: "medium" });
const utcTime = inZone("UTC", { timeStyle: "medium" });

/** Fails the test on a hydration mismatch, which a time printed in the runtime's zone would cause. */
function watchHydration(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat/i.test(message.text())) errors.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (/hydrat/i.test(error.message)) errors.push(error.message);
  });
  return errors;
}

test.beforeEach(async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ADMIN);
  await expect(page).toHaveURL(/\/$/);
});

test("a pipeline run shows business time in the run list and its log, with the zone named", async ({ page }) => {
  const hydration = watchHydration(page);
  const file = {
    name: "every-reason.csv",
    mimeType: "text/csv",
    buffer: readFileSync(path.resolve("tests/fixtures/pipeline/every-reason.csv")),
  };
  const started = await page.request.post("/api/v1/pipeline/runs", { multipart: { preset: "canonical", dryRun: "true", file } });
  expect(started.status()).toBe(202);
  const { runId } = (await started.json()).data as { runId: number };
  const run = (await (await page.request.get(`/api/v1/pipeline/runs/${runId}`)).json()).data as { createdAt: string };

  await page.goto("/pipeline");
  await expect(page.getByTestId("time-zone-note").filter({ visible: true })).toContainText("Times in GMT+3");
  const startedAt = page.getByTestId(`run-row-${runId}`).locator("time");
  await expect(startedAt).toHaveAttribute("dateTime", new Date(run.createdAt).toISOString());
  await expect(startedAt).toHaveText(businessDateTime(run.createdAt));
  // The overview's ticker prints the same instant as this clock's time part.
  expect(businessDateTime(run.createdAt)).toContain(businessTime(run.createdAt));
  expect(businessTime(run.createdAt)).not.toBe(utcTime(run.createdAt));

  await page.goto(`/pipeline/runs/${runId}`);
  const firstLine = page.getByTestId("run-log-line").first().locator("time");
  await expect(firstLine).toBeVisible();
  const at = await firstLine.getAttribute("dateTime");
  await expect(firstLine).toHaveText(businessTime(at!));
  expect(hydration).toEqual([]);
});

test("the overview and /status print the same KPI refresh in business time", async ({ page }) => {
  test.setTimeout(120_000);
  const hydration = watchHydration(page);
  await page.goto("/");
  await expect(page.getByTestId("time-zone-note").filter({ visible: true })).toContainText("Times in GMT+3");
  // Text and instant read together: a live refresh may replace both between two reads.
  const read = (locator: Locator, attribute: string) =>
    locator.first().evaluate((element, name) => ({ text: element.textContent ?? "", at: element.getAttribute(name) ?? "" }), attribute);
  const asOf = await read(page.getByTestId("data-as-of"), "data-instant");
  expect(asOf.text).toContain(businessTime(asOf.at));
  const ticker = page.getByTestId("invoice-ticker").locator("time");
  if ((await ticker.count()) > 0) {
    const latest = await read(ticker, "dateTime");
    expect(latest.text).toBe(businessTime(latest.at));
  }

  // The KPI job refreshes every few seconds: retry until both pages show the same refresh.
  await expect(async () => {
    await page.goto("/");
    const overview = await read(page.getByTestId("data-as-of"), "data-instant");
    await page.goto("/status");
    const refresh = await read(page.getByTestId("scheduler-table").locator("tr", { hasText: /^all/ }).locator("time"), "dateTime");
    expect(refresh.text).toBe(businessDateTime(refresh.at));
    expect(new Date(refresh.at).toISOString()).toBe(new Date(overview.at).toISOString());
    expect(overview.text).toContain(businessTime(refresh.at));
  }).toPass({ timeout: 100_000 });
  expect(hydration).toEqual([]);
});
