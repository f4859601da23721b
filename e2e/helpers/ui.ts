import { expect, type Page } from "@playwright/test";

import { DEMO_PASSWORD } from "./accounts";

export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel(/email|correo|e-mail/i).fill(email);
  await page.getByLabel(/password|contraseña|senha/i).fill(password);
  await page.locator('form button[type="submit"]').click();
}

/** Opens the navigation: the sidebar is always there on desktop, a drawer on phones. */
export async function openNavigation(page: Page) {
  const menuButton = page.getByTestId("mobile-menu-button");
  if (await menuButton.isVisible()) await menuButton.click();
  const nav = page.getByTestId("nav").filter({ visible: true }).first();
  await expect(nav).toBeVisible();
  return nav;
}

export async function signOut(page: Page) {
  await page.getByTestId("user-menu-button").filter({ visible: true }).first().click();
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/login/);
}
