import { mkdirSync, renameSync } from "node:fs";
import path from "node:path";

import { inboxFileFor } from "../../lib/pipeline/inbox";
import { writeSampleFile } from "../../lib/pipeline/sample-file";
import { businessDate } from "../../lib/time/business-time";
import { E2E_INBOX_DIR } from "../../playwright.config";
import { DEMO_USERS, withAppDatabase } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

test("today's inbox file can be rehearsed as a dry run that writes no sales", async ({ page }, testInfo) => {
  // Today's file, written whole before it appears (the desktop and phone runs write the same file).
  mkdirSync(E2E_INBOX_DIR, { recursive: true });
  const today = inboxFileFor(new Date(), E2E_INBOX_DIR);
  const partial = path.join(E2E_INBOX_DIR, `.${testInfo.project.name}.partial`);
  await writeSampleFile(partial, { lines: 200, lastDay: businessDate(new Date()), seed: 41 });
  renameSync(partial, today);

  await page.goto("/login");
  await signInWithForm(page, DEMO_USERS.ANALYST);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto("/pipeline");
  await page.getByTestId("run-today-dry").check();
  await page.getByTestId("run-today").click();
  await expect(page).toHaveURL(/\/pipeline\/runs\/\d+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  await expect(page.getByText("dry run", { exact: true })).toBeVisible();
  await expect(page.getByTestId("run-log")).toContainText("done: 200 read");

  const runId = Number(/\/runs\/(\d+)$/.exec(page.url())![1]);
  const written = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ dry: boolean; sales: number }>(
      `SELECT r."dryRun" AS dry, (SELECT count(*)::int FROM "Sale" s WHERE s."sourceRunId" = r.id) AS sales FROM "PipelineRun" r WHERE r.id = $1`,
      [runId],
    );
    return rows[0];
  });
  expect(written).toEqual({ dry: true, sales: 0 });
});
