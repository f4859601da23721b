import { createUser, DEMO_USERS, readUserLocale, signInByApi } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { openNavigation, signInWithForm, signOut } from "../helpers/ui";

const HOMES = { ADMIN: "/", MANAGER: "/", ANALYST: "/analytics", VIEWER: "/" } as const;

for (const [role, email] of Object.entries(DEMO_USERS)) {
  test(`${role} signs in with the form and lands on its home`, async ({ page }) => {
    await page.goto("/login");
    await signInWithForm(page, email);
    await expect(page).toHaveURL(new RegExp(`${HOMES[role as keyof typeof HOMES]}$`));
    await page.getByTestId("user-menu-button").filter({ visible: true }).first().click();
    await expect(page.getByTestId("user-role")).toContainText(new RegExp(role, "i"));
  });
}

test("a wrong password shows a readable error and stays on /login", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.VIEWER, "wrong-password");
  await expect(page.getByTestId("login-error")).toContainText(/wrong|incorrect/i);
  await expect(page).toHaveURL(/\/login/);
});

test("after repeated failures the form says sign-in is throttled, even with the right password", async ({ page, request }) => {
  const user = await createUser("VIEWER");
  for (let attempt = 0; attempt < 5; attempt += 1)
    await signInByApi(request, user.email, "wrong-password", { "x-forwarded-for": "10.77.0.1" });
  // From the address that failed: locked for the window; the owner elsewhere is only slowed down.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "10.77.0.1" });
  await page.goto("/login");
  await signInWithForm(page, user.email, user.password);
  await expect(page.getByTestId("login-error")).toContainText(/too many/i);
  await expect(page).toHaveURL(/\/login/);
});

test("an anonymous visitor is sent to /login and brought back after signing in", async ({ page }) => {
  await page.goto("/explorer");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fexplorer/);
  await signInWithForm(page, DEMO_USERS.ANALYST);
  await expect(page).toHaveURL(/\/explorer$/);
});

test("navigation shows only the pages the role may open", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.VIEWER);
  await expect(page).toHaveURL(/\/$/);
  const nav = await openNavigation(page);
  await expect(nav.getByRole("link", { name: /analytics/i })).toBeVisible();
  await expect(nav.getByRole("link", { name: /pipeline/i })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: /users/i })).toHaveCount(0);
});

test("a page the role may not open shows the 403 view", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.VIEWER);
  await expect(page).toHaveURL(/\/$/);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/403|not allowed|forbidden/i);
});

test("sign-out ends the session", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ANALYST);
  await expect(page).toHaveURL(/\/analytics$/);
  await signOut(page);
  await page.goto("/analytics");
  await expect(page).toHaveURL(/\/login/);
});

test("the chosen locale persists across sign-out and sign-in", async ({ page }) => {
  const user = await createUser("VIEWER");
  await page.goto("/login");
  await signInWithForm(page, user.email, user.password);
  await expect(page).toHaveURL(/\/$/);
  await page.getByTestId("user-menu-button").filter({ visible: true }).first().click();
  await page.getByTestId("locale-switcher").selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect.poll(() => readUserLocale(user.email)).toBe("es");
  await page.keyboard.press("Escape");
  await signOut(page);
  await page.context().clearCookies();
  await page.goto("/login");
  await signInWithForm(page, user.email, user.password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const nav = await openNavigation(page);
  await expect(nav.getByRole("link", { name: /analítica|análisis/i })).toBeVisible();
});
