// Users and accounts in the browser: an admin invites a Perfil manager, who opens the link in a
// browser of its own, chooses a password, signs in and sees only its unit; and every user manages
// its own API tokens on /account.
import { randomUUID } from "node:crypto";

import { DEMO_USERS } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

test("an admin invites a Perfil manager, who sets a password, signs in and sees only Perfil", async ({ page, browser }) => {
  // Two people, two browsers and three sign-ins: more than one page's worth of time.
  test.slow();
  const email = `invited-${randomUUID().slice(0, 8)}@pulseboard.local`;
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ADMIN);
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/admin/users");
  await page.getByTestId("create-user").click();
  const dialog = page.getByTestId("create-user-dialog");
  await dialog.getByTestId("new-user-name").fill("Invited Manager");
  await dialog.getByTestId("new-user-email").fill(email);
  await dialog.getByTestId("user-role-select").selectOption("MANAGER");
  await dialog.getByTestId("user-unit-select").selectOption("perfil");
  await dialog.getByTestId("create-user-submit").click();
  const invitation = await dialog.getByTestId("invitation-url").inputValue();
  expect(invitation).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  await page.keyboard.press("Escape");
  const row = page.getByTestId("user-row").and(page.locator(`[data-email="${email}"]`));
  await expect(row).toContainText("Perfil");
  await expect(row.getByTestId("user-row-status")).toContainText(/invitation/i);

  // The invited manager: another browser, no session.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: page.viewportSize() });
  const invited = await context.newPage();
  await invited.goto(invitation);
  await invited.getByTestId("new-password").fill("perfil-manager-pass");
  await invited.getByTestId("confirm-password").fill("perfil-manager-pass");
  await invited.getByTestId("set-password-submit").click();
  await invited.getByTestId("set-password-sign-in").click();
  await expect(invited).toHaveURL(/\/login/);
  await signInWithForm(invited, email, "perfil-manager-pass");
  await expect(invited).toHaveURL(/\/$/);

  await invited.getByTestId("user-menu-button").filter({ visible: true }).first().click();
  await expect(invited.getByTestId("user-role")).toHaveAttribute("data-role", "MANAGER");
  await expect(invited.getByTestId("user-scope")).toContainText("Perfil");
  await invited.keyboard.press("Escape");
  await expect(invited.getByTestId("unit-split").getByTestId("unit-perfil")).toBeVisible();
  await expect(invited.getByTestId("unit-orglight")).toHaveCount(0);
  await expect(invited.getByTestId("nav").filter({ visible: true }).getByRole("link", { name: /users/i })).toHaveCount(0);

  // The link worked once.
  await invited.goto(invitation);
  await expect(invited.getByTestId("link-unusable")).toBeVisible();
  await context.close();
});

test("a user creates an API token on /account, sees it once, and revokes it", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.VIEWER);
  await expect(page).toHaveURL(/\/$/);
  await page.getByTestId("user-menu-button").filter({ visible: true }).first().click();
  await page.getByTestId("account-link").click();
  await expect(page).toHaveURL(/\/account$/);

  const name = `ui ${randomUUID().slice(0, 8)}`;
  await page.getByTestId("token-name").fill(name);
  await page.getByTestId("token-expiry").selectOption("30");
  await page.getByTestId("token-create").click();
  const secret = await page.getByTestId("created-token-value").inputValue();
  expect(secret).toMatch(/^pb_[a-z0-9]{8}_/);
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row.getByTestId("token-status")).toHaveAttribute("data-status", "active");

  // The secret is not shown again after a reload.
  await page.reload();
  await expect(page.getByTestId("created-token-value")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  page.once("dialog", (confirm) => void confirm.accept());
  await row.getByTestId("token-revoke").click();
  await expect(row.getByTestId("token-status")).toHaveAttribute("data-status", "revoked");
  const response = await page.request.get("/api/stats", { headers: { authorization: `Bearer ${secret}` } });
  expect(response.status()).toBe(401);
});
