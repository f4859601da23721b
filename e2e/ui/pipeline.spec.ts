import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { writeSampleFile } from "../../lib/pipeline/sample-file";
import { DEMO_USERS } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

test("an upload's log streams live, and a quarantined row is fixed and reprocessed", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  // Under the 10 MB the Next proxy buffers (see the report): about a second of loading.
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "pipeline-e2e-")), `live-${testInfo.project.name}.csv`);
  await writeSampleFile(file, { lines: 50_000, lastDay: testInfo.project.name === "phone" ? "2024-07-01" : "2024-01-01" });

  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ANALYST);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto("/pipeline");
  await page.getByTestId("new-run").click();
  await page.getByTestId("run-file").setInputFiles(file);
  await page.getByTestId("run-submit").click();
  await expect(page).toHaveURL(/\/pipeline\/runs\/\d+$/);
  const log = page.getByTestId("run-log-line");
  await expect(log.first()).toBeVisible();
  await expect(page.getByTestId("run-log")).toContainText(/staged 50,000 rows/, { timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 60_000 });
  await expect(page.getByTestId("run-log")).toContainText("done: 50000 read");

  await page.goto("/pipeline");
  await page.getByTestId("new-run").click();
  await page.getByTestId("run-file").setInputFiles(path.resolve("tests/fixtures/pipeline/every-reason.csv"));
  await page.getByTestId("run-submit").click();
  await expect(page).toHaveURL(/\/pipeline\/runs\/\d+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  const missing = page.locator('[data-testid="quarantine-row"][data-reason="MISSING_FIELD"]');
  await expect(missing).toBeVisible();
  await missing.getByTestId("fix-row").click();
  await page.getByTestId("fix-order_date").fill("2026-05-01");
  await page.getByTestId("reprocess-row").click();
  // Loaded: the row leaves review (its actions go) and shows as reprocessed.
  await expect(missing).toContainText("Reprocessed", { timeout: 15_000 });
  await expect(missing.getByTestId("fix-row")).toHaveCount(0);
});
