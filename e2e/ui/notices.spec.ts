// The bell: a user's finished upload raises its unread count live, the notice links to the run, and
// reading it clears the count for good.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { createUser } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

const HEADER =
  "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,product_name,product_line,category,quantity,unit_price,unit_cost,discount";

function smallCsv(tag: string): string {
  const rows = [1, 2, 3].map((line) => `${tag},${line},2026-05-01,orglight,Coast,MSA-1,SP-1,C-1,SKU-1,Lamp,Lighting,Lamps,2,10,6,0`);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "notices-e2e-")), `${tag}.csv`);
  writeFileSync(file, [HEADER, ...rows].join("\n"));
  return file;
}

test("a finished run shows up in the bell live, links to the run, and is marked read", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  // A user of its own: nobody else's runs or reviews reach its bell.
  const user = await createUser("ANALYST");
  await page.goto("/login");
  await signInWithForm(page, user.email, user.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));

  await page.goto("/pipeline");
  const bell = page.getByTestId("notice-bell").filter({ visible: true });
  await expect(bell).toBeVisible();
  await expect(page.getByTestId("notice-unread")).toHaveCount(0);

  await page.getByTestId("new-run").click();
  await page.getByTestId("run-file").setInputFiles(smallCsv(`NOTICE-${testInfo.project.name}-${Date.now()}`));
  await page.getByTestId("run-submit").click();
  await expect(page).toHaveURL(/\/pipeline\/runs\/\d+$/);
  const runPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  // No reload: the count arrives on the user's own channel.
  await expect(page.getByTestId("notice-unread")).toHaveAttribute("data-count", "1");

  await page.goto("/");
  await expect(page.getByTestId("notice-unread")).toHaveAttribute("data-count", "1");
  await bell.click();
  const item = page.getByTestId("notice-item").first();
  await expect(item).toHaveAttribute("data-kind", "RUN_FINISHED");
  await expect(item).toHaveAttribute("data-unread", "true");
  await expect(item).toHaveAttribute("href", runPath);
  await expect(item).toContainText(/read 3, valid 3, rejected 0; inserted 3/i);
  await item.click();
  await expect(page).toHaveURL(new RegExp(`${runPath}$`));
  await expect(page.getByTestId("notice-unread")).toHaveCount(0);

  await page.reload();
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByTestId("notice-item").first()).toHaveAttribute("data-unread", "false");
  await expect(page.getByTestId("notice-unread")).toHaveCount(0);
});
