import { DEMO_USERS, withAppDatabase } from "../helpers/accounts";
import { writeSale } from "../helpers/sales";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

test("the map legend lists the regions the map draws, others apart, and no zero rows", async ({ page }) => {
  // Regions as imported datasets bring them: no county, a county the map does not know, no sales this month.
  await withAppDatabase(async (client) => {
    for (const [code, name, county] of [
      ["E2E-APAC", "APAC", null],
      ["E2E-CEN2", "Central", "Central"],
      ["E2E-EMEA", "EMEA", null],
    ] as const) {
      await client.query(`INSERT INTO "Region" (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, [code, name]);
      await client.query(
        `INSERT INTO "Branch" (code, name, county, "regionId") SELECT $1, $2, $3, id FROM "Region" WHERE code = $1
         ON CONFLICT (code) DO NOTHING`,
        [code, `${name} imports`, county],
      );
    }
  });
  await writeSale(4321, "orglight", "E2E-APAC");
  await writeSale(1234, "orglight", "E2E-CEN2");

  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ADMIN);
  await expect(page).toHaveURL(/\/$/);
  const map = page.getByTestId("region-map");
  const other = map.getByTestId("other-regions");
  // The snapshot picks the new sales up within a refresh and arrives over the live channel.
  await expect(other.getByTestId("region-E2E-APAC")).toBeVisible({ timeout: 20_000 });
  await expect(other).toContainText(/other regions/i);
  await expect(other.getByTestId("region-E2E-CEN2")).toContainText("Central");
  await expect(map.getByTestId("region-legend").getByTestId("region-E2E-APAC")).toHaveCount(0);
  await expect(map.getByTestId("region-legend").getByTestId("region-E2E-CEN2")).toHaveCount(0);
  await expect(map.getByTestId("region-E2E-EMEA")).toHaveCount(0);
  await expect(map.getByTestId("region-legend").locator('li[data-testid^="region-"]').first()).toBeVisible();

  const amounts = await map.locator('li[data-testid^="region-"] .tabular-nums').allTextContents();
  expect(amounts.length).toBeGreaterThan(2);
  for (const amount of amounts) expect(amount, "a legend row with no revenue").toMatch(/[1-9]/);
});
