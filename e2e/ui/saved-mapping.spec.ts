// A file no preset knows: the New run dialog reads its header in the browser, shows the suggested
// mapping with the required column it could not fill, takes the fix, saves the mapping under a name
// and runs with it; the next file with that header is recognized as the saved mapping.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { DEMO_USERS } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

/** A till export: its order id column has a name nothing suggests (and one per test, so only its own saved mapping fits). */
function tillCsv(tag: string, idColumn: string, part: number): string {
  const header = [idColumn, "Sale Date", "Item", "Qty", "Unit Price", "Outlet"].join(",");
  // Day-first dates (13 and above), in the past: the run touches no dashboard of today.
  const rows = [1, 2, 3].map((n) => `${tag}-${part}-${n},${12 + n}/01/2025,E2E-MAP-SKU-${n},${n},2.50,E2E-MAP-OUTLET`);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "mapping-e2e-")), `till-${part}.csv`);
  writeFileSync(file, [header, ...rows].join("\n"));
  return file;
}

test("an unknown header is suggested a mapping, fixed, saved under a name and run", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const tag = `MAP-${testInfo.project.name}-${Date.now()}`;
  const idColumn = `Ref ${tag}`;
  const name = `E2E till ${tag}`;

  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.MANAGER);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto("/pipeline");
  await page.getByTestId("new-run").click();
  await page.getByTestId("run-file").setInputFiles(tillCsv(tag, idColumn, 1));

  // The suggestion: what it could read off names and values, and the one required column it could not.
  await expect(page.getByTestId("mapping-suggestion")).toBeVisible();
  await expect(page.getByTestId("mapping-source-order_date")).toHaveValue("column:Sale Date");
  await expect(page.getByTestId("mapping-source-quantity")).toHaveValue("column:Qty");
  await expect(page.getByTestId("mapping-source-unit_price")).toHaveValue("column:Unit Price");
  await expect(page.getByTestId("mapping-date-format")).toHaveValue("D/M/YYYY");
  // The demo manager's runs load Orglight only, so that is the suggested unit.
  await expect(page.getByTestId("mapping-constant-business_unit")).toHaveValue("orglight");
  await expect(page.getByTestId("mapping-missing")).toContainText("order_id");
  await expect(page.getByTestId("run-submit")).toBeDisabled();

  // The fix: the order id comes from the column nothing recognized.
  await page.getByTestId("mapping-source-order_id").selectOption({ label: idColumn });
  await expect(page.getByTestId("mapping-missing")).toHaveCount(0);
  await expect(page.getByTestId("run-submit")).toBeEnabled();

  await page.getByTestId("mapping-name").fill(name);
  await page.getByTestId("mapping-save").click();
  await expect(page.getByTestId("mapping-saved")).toContainText(name);
  // The run now uses the saved mapping, picked in the list.
  await expect(page.getByTestId("run-preset")).toHaveValue(/^saved:\d+$/);
  await expect(page.getByTestId("run-preset").locator("option:checked")).toContainText(name);

  await page.getByTestId("run-submit").click();
  await expect(page).toHaveURL(/\/pipeline\/runs\/\d+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  await expect(page.getByTestId("counter-inserted")).toContainText("3");
  await expect(page.getByTestId("counter-rejected")).toContainText("0");

  // Next time, a file with that header is recognized as the saved mapping, and runs with it at once.
  await page.goto("/pipeline");
  await page.getByTestId("new-run").click();
  await page.getByTestId("run-file").setInputFiles(tillCsv(tag, idColumn, 2));
  await expect(page.getByTestId("mapping-detected")).toContainText(name);
  await expect(page.getByTestId("run-submit")).toBeEnabled();

  // Removed again, so repeated runs of the suite do not pile up mappings.
  const preset = page.getByTestId("run-preset");
  const value = await preset.locator("option", { hasText: name }).getAttribute("value");
  expect(value).toMatch(/^saved:\d+$/);
  await preset.selectOption(value ?? "");
  await page.getByTestId("mapping-remove").click();
  await expect(preset.locator("option", { hasText: name })).toHaveCount(0);
  await expect(preset).toHaveValue("detect");
});
