import { DEMO_USERS } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

const TABS = ["salespeople", "products", "branches", "customers", "trends"] as const;

test.beforeEach(async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ADMIN);
  await expect(page).toHaveURL(/\/$/);
});

test("every tab renders its report with data, and a table view", async ({ page }) => {
  // Five full page loads, each streaming a report.
  test.setTimeout(90_000);
  for (const tab of TABS) {
    await page.goto(`/analytics?tab=${tab}`);
    // Streamed content also sits, hidden, outside <main> for a moment before React moves it in.
    const main = page.locator("#main");
    const block = main.getByTestId(`block-${tab}`);
    await expect(block).toBeVisible();
    await expect(main.getByTestId(`summary-${tab}`)).not.toBeEmpty();
    await expect(main.getByTestId(`csv-${tab}`)).toBeVisible();
    await block.getByRole("button", { name: /table/i }).click();
    await expect(block.locator("tbody tr").first()).toBeVisible();
  }
});

test("filters change the URL and the numbers", async ({ page }) => {
  await page.goto("/analytics?tab=trends");
  const summary = page.locator("#main").getByTestId("summary-trends");
  const before = await summary.textContent();
  await page.getByTestId("filter-preset").selectOption("7d");
  await expect(page).toHaveURL(/preset=7d/);
  await expect(summary).not.toHaveText(before ?? "");
  const sevenDays = await summary.textContent();
  await page.getByTestId("filter-unit").selectOption("perfil");
  await expect(page).toHaveURL(/unit=perfil/);
  await expect(summary).not.toHaveText(sevenDays ?? "");
});

test("a branch drills into its salespeople", async ({ page }) => {
  await page.goto("/analytics?tab=branches");
  const block = page.getByTestId("block-branches");
  await block.getByRole("button", { name: /table/i }).click();
  await block.locator("tbody a").first().click();
  await expect(page).toHaveURL(/tab=salespeople/);
  await expect(page).toHaveURL(/branch=\d+/);
  await expect(page.getByTestId("block-salespeople")).toBeVisible();
});
