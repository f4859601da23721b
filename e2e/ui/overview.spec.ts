import { DEMO_USERS } from "../helpers/accounts";
import { writeSale } from "../helpers/sales";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

test.beforeEach(async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ADMIN);
  await expect(page).toHaveURL(/\/$/);
});

test("the overview shows every block with data", async ({ page }) => {
  for (const id of ["unit-split", "hourly-trend", "category-donut", "region-map", "top-branches", "invoice-ticker"])
    await expect(page.getByTestId(id)).toBeVisible();
  await expect(page.getByTestId("region-map").locator("svg path")).toHaveCount(47);
  await expect(page.getByTestId("top-branches").locator("li").first()).toBeVisible();
});

test("a new sale moves the overview blocks without a reload", async ({ page }) => {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "LIVE");
  const hourly = page.getByTestId("hourly-summary");
  const before = await hourly.textContent();
  let navigations = 0;
  page.on("framenavigated", () => (navigations += 1));
  await writeSale(98_765);
  await expect(hourly).not.toHaveText(before ?? "", { timeout: 10_000 });
  expect(navigations).toBe(0);
});

test("kiosk mode covers the screen with no navigation", async ({ page }) => {
  await page.goto("/?kiosk=1");
  // While the page streams in, React briefly holds a hidden copy of the streamed segment.
  await expect(page.getByTestId("kiosk")).toHaveCount(1);
  await expect(page.getByTestId("kiosk")).toBeVisible();
  await expect(page.getByTestId("nav").filter({ visible: true })).toHaveCount(0);
  await expect(page.getByTestId("mobile-menu-button")).toBeHidden();
  await expect(page.getByTestId("kpi-revenue-today-value")).toBeVisible();
  await expect(page.getByTestId("region-map")).toBeVisible();
});

test("an admin switches the overview to one unit and opens that unit's wall", async ({ page }) => {
  await page.getByTestId("overview-unit").selectOption("perfil");
  await expect(page).toHaveURL(/\/\?unit=perfil$/);
  await expect(page.getByTestId("overview-unit")).toHaveValue("perfil");
  await expect(page.getByTestId("open-kiosk")).toHaveAttribute("href", "/?kiosk=1&unit=perfil");
  await page.getByTestId("open-kiosk").click();
  await expect(page).toHaveURL(/\/\?kiosk=1&unit=perfil$/);
  await expect(page.getByTestId("kiosk")).toBeVisible();
  await expect(page.getByTestId("overview-unit")).toHaveCount(0);
  await expect(page.getByTestId("kpi-revenue-today-value")).toBeVisible();
});
