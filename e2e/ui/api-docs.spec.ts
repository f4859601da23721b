import { DEMO_USERS } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

test("/api/docs renders the API reference from the OpenAPI document", async ({ page }) => {
  await page.goto("/api/docs");
  await expect(page).toHaveURL(/\/login/);
  await signInWithForm(page, DEMO_USERS.VIEWER);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/api/docs");
  const operations = page.getByTestId("api-operation");
  await expect(operations.filter({ hasText: "/api/v1/users" }).first()).toBeVisible();
  // Where programmatic callers get a token.
  const hint = page.getByTestId("api-token-hint");
  await expect(hint).toContainText("Authorization: Bearer");
  await expect(hint.getByRole("link")).toHaveAttribute("href", "/account");
  await expect(operations.filter({ hasText: "/api/health" }).first()).toBeVisible();
  const document = await (await page.request.get("/api/v1/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  expect(await operations.count()).toBe(
    Object.values(document.paths as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0),
  );
});
