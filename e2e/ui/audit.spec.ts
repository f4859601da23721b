// The audit log on desktop and phone: an admin's changes appear with who, where and what changed, filter by
// action, and export as CSV; the Orglight manager reads only Orglight's entries.
import { randomUUID } from "node:crypto";

import type { Page } from "@playwright/test";

import { DEMO_USERS } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { openNavigation, signInWithForm } from "../helpers/ui";

// Each test signs in, writes through the API and loads several pages: more than the default on a busy machine.
test.describe.configure({ timeout: 60_000 });

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await signInWithForm(page, email);
  await page.waitForURL((url) => url.pathname !== "/login");
}

/** A caller address per project, so each project finds its own entries. */
const addressFor = (project: string) => (project === "phone" ? "203.0.113.82" : "203.0.113.81");

test("an admin sees its changes in the audit log, filters them by action and exports them", async ({ page }) => {
  const ip = addressFor(test.info().project.name);
  const headers = { "x-forwarded-for": ip };
  const email = `audit-${randomUUID().slice(0, 8)}@example.com`;
  await signIn(page, DEMO_USERS.ADMIN);

  // Add a notification target, switch it off and remove it; stop Perfil's generator.
  const created = await page.request.post("/api/v1/notifications/targets", {
    data: { kind: "EMAIL", target: email, label: "Audit" },
    headers,
  });
  expect(created.status()).toBe(200);
  const { id } = ((await created.json()) as { data: { id: number } }).data;
  expect((await page.request.patch(`/api/v1/notifications/targets/${id}`, { data: { enabled: false }, headers })).status()).toBe(200);
  expect((await page.request.delete(`/api/v1/notifications/targets/${id}`, { headers })).status()).toBe(200);
  expect((await page.request.post("/api/control/stop", { data: { businessUnit: "perfil" }, headers })).status()).toBe(200);

  // A full page, so entries other tests add meanwhile cannot push these off it.
  await page.goto("/admin/audit?limit=200");
  const main = page.locator("#main");
  const rows = main.getByTestId("audit-table").locator("tbody tr");
  const mine = (action: string) => rows.filter({ hasText: email }).and(main.locator(`tr[data-action="${action}"]`));
  for (const action of ["notification_target.create", "notification_target.update", "notification_target.delete"]) {
    await expect(mine(action)).toHaveCount(1);
    await expect(mine(action)).toContainText(ip);
    await expect(mine(action)).toContainText("admin@pulseboard.local");
  }
  await expect(mine("notification_target.create").getByTestId("audit-action-label")).toHaveText("Notification target added");
  const stop = main.locator('tr[data-action="generator.stop"][data-unit="perfil"]').filter({ hasText: ip }).first();
  await expect(stop).toBeVisible();

  // Filter by action: the URL keeps it, and only that action is listed, its change shown as before → after.
  await main.getByTestId("audit-action").selectOption("notification_target.update");
  await main.getByTestId("audit-apply").click();
  await expect(page).toHaveURL(/action=notification_target\.update/);
  await expect(mine("notification_target.update")).toHaveCount(1);
  await expect(mine("notification_target.update").getByTestId("audit-change")).toContainText(/enabled\s*true\s*→?\s*false/);
  expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-action"))))).toEqual(
    new Set(["notification_target.update"]),
  );

  // The export downloads the filtered entries.
  const download = page.waitForEvent("download");
  await main.getByTestId("audit-export").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = Buffer.concat(await (await file.createReadStream()).toArray())
    .toString("utf8")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe("id,at,actor_name,actor_email,action,target_type,target_id,business_unit,ip,request_id,details");
  expect(lines.slice(1).every((line) => line.split(",")[4] === "notification_target.update")).toBe(true);
  const line = lines.find((entry) => entry.includes(email));
  expect(line).toContain(`,admin@pulseboard.local,notification_target.update,NotificationTarget,${id},,${ip},`);
});

test("the Orglight manager reads only Orglight's entries", async ({ page }) => {
  const ip = addressFor(test.info().project.name);
  await signIn(page, DEMO_USERS.MANAGER);
  expect((await page.request.post("/api/control/stop", { headers: { "x-forwarded-for": ip } })).status()).toBe(200);

  const nav = await openNavigation(page);
  await nav.locator('a[href="/admin/audit"]').click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  const main = page.locator("#main");
  await expect(main.getByTestId("audit-scope")).toContainText("Orglight");
  await expect(main.getByTestId("audit-unit")).toHaveCount(0);
  const rows = main.getByTestId("audit-table").locator("tbody tr");
  await expect(rows.filter({ hasText: ip }).and(main.locator('tr[data-action="generator.stop"]')).first()).toBeVisible();
  expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-unit"))))).toEqual(new Set(["orglight"]));

  // Another unit's log is refused, on the page and through the API.
  await page.goto("/admin/audit?unit=perfil");
  await expect(main.getByTestId("filters-invalid")).toContainText("only your business unit");
  expect((await page.request.get("/api/v1/audit?unit=perfil")).status()).toBe(403);
});
