// Who is watching: two signed-in people on the overview see each other's initials and the count,
// a second tab does not count twice, and when one leaves the other sees it within seconds.
import type { Browser, Page } from "@playwright/test";

import { createUser, withAppDatabase } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

async function person(browser: Browser, name: string) {
  const user = await createUser("ANALYST");
  const id = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`UPDATE "User" SET name = $1 WHERE email = $2 RETURNING id`, [name, user.email]);
    return rows[0]!.id;
  });
  const { baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = test.info().project.use;
  const context = await browser.newContext({ baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });
  const page = await context.newPage();
  await page.goto("/login");
  await signInWithForm(page, user.email, user.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return { id, context, page };
}

const watcher = (page: Page, id: string) => page.locator(`[data-testid="watcher"][data-user-id="${id}"]`);
const initialsOf = (page: Page, id: string) => watcher(page, id).locator('[aria-hidden="true"]');
const watching = (page: Page) => page.getByTestId("who-is-watching");
const countOf = async (page: Page) => Number(await watching(page).getAttribute("data-count"));

test("people on the overview see each other, once each, and see someone leave", async ({ browser }, testInfo) => {
  // Two people sign in and open pages of their own: more than one page's worth of time.
  test.setTimeout(60_000);
  const tag = testInfo.project.name === "phone" ? "Phone" : "Desk";
  const ada = await person(browser, `Ada ${tag}`);
  const grace = await person(browser, `Grace ${tag}`);
  await ada.page.goto("/");
  await grace.page.goto("/");

  await expect(initialsOf(ada.page, grace.id)).toHaveText(`G${tag[0]}`);
  await expect(initialsOf(grace.page, ada.id)).toHaveText(`A${tag[0]}`);
  await expect(watcher(grace.page, ada.id)).toHaveAttribute("title", new RegExp(`Ada ${tag}`));
  await expect(watcher(ada.page, ada.id)).toHaveAttribute("title", /\(you\)/);
  expect(await countOf(ada.page)).toBeGreaterThanOrEqual(2);
  await expect(watching(ada.page).getByTestId("watcher-count")).toContainText(/\d+ watching/);

  // A second tab of Ada's is still one Ada.
  const secondTab = await ada.context.newPage();
  await secondTab.goto("/invoices");
  await expect(watcher(secondTab, grace.id)).toBeVisible();
  await expect(watcher(grace.page, ada.id)).toHaveCount(1);

  const withGrace = await countOf(ada.page);
  await grace.context.close();
  await expect(watcher(ada.page, grace.id)).toHaveCount(0, { timeout: 5_000 });
  await expect.poll(() => countOf(ada.page)).toBeLessThan(withGrace);
  await ada.context.close();
});
