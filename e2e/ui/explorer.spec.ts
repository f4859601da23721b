// The data explorer on desktop and phone: a page of lines, search, keyset paging and the CSV download.
import { DEMO_USERS } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

test("an analyst searches, pages and exports sales lines", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ANALYST);
  await page.waitForURL((url) => url.pathname !== "/login");
  await page.goto("/explorer?from=2025-03-01&to=2025-03-31");

  const main = page.locator("#main");
  const orders = main.getByTestId("sale-order");
  await expect(orders.first()).toBeVisible();
  await expect(main.getByTestId("explorer-count")).toContainText("50");

  // The next page continues where this one ended: a cursor in the URL, other lines.
  const firstPage = await orders.allTextContents();
  await main.getByTestId("explorer-next").click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(main.getByTestId("explorer-first")).toBeVisible();
  const secondPage = await orders.allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage[0]).not.toBe(firstPage[0]);

  // Searching starts again from the first page and keeps the date range.
  const order = firstPage[0]!;
  await main.getByTestId("explorer-q").fill(order);
  await main.getByTestId("explorer-apply").click();
  await expect(page).toHaveURL(new RegExp(`q=${order}`));
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(page).toHaveURL(/from=2025-03-01/);
  await expect(orders.first()).toHaveText(order);
  expect(new Set(await orders.allTextContents())).toEqual(new Set([order]));

  // The export downloads the same lines as CSV.
  const download = page.waitForEvent("download");
  await main.getByTestId("explorer-export").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("sales-2025-03-01-2025-03-31.csv");
  const text = await (await file.createReadStream()).toArray();
  const lines = Buffer.concat(text).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^id,order_id,/);
  expect(lines.length).toBe((await orders.count()) + 1);
  expect(lines.slice(1).every((line) => line.split(",")[1] === order)).toBe(true);
});

test("a viewer cannot open the explorer", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.VIEWER);
  await page.waitForURL((url) => url.pathname !== "/login");
  const response = await page.goto("/explorer");
  expect(response?.status()).toBe(403);
});
