// Remote sources on /pipeline, desktop and phone: an admin adds an HTTP CSV (a local server here),
// polls it now, sees the run, then sees the failure when the source goes down, and removes it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { DEMO_USERS } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

const CSV = [
  "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,product_name,product_line,category,quantity,unit_price,unit_cost,discount",
  // Existing codes from the demo data: a poll adds one sale and no new branch, person, customer or product.
  "REMOTE-E2E-1,1,2024-03-03,orglight,CST,MSA-MSA,SP-001,CUS-00001,ORG-LED-0001,Lamp,LED Lighting,Lamps,1,10,6,0",
].join("\n");

test("an admin adds a remote CSV, polls it, sees a failing source, and removes it", async ({ page }) => {
  let up = true;
  const server = createServer((_request, response) => {
    if (!up) return void response.writeHead(503).end("maintenance");
    response.writeHead(200, { "content-type": "text/csv" }).end(CSV);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${test.info().project.name}.csv`;
  const name = `e2e ${test.info().project.name}`;
  try {
    await page.goto("/login");
    await signInWithForm(page, DEMO_USERS.ADMIN);
    await page.waitForURL((address) => address.pathname !== "/login");
    await page.goto("/pipeline");
    const sources = page.locator("#main").getByTestId("remote-sources");

    await sources.getByTestId("source-name").fill(name);
    await sources.getByTestId("source-url").fill(url);
    await sources.getByTestId("source-add").click();
    const source = sources.getByTestId("remote-source").filter({ hasText: name });
    await expect(source).toBeVisible();

    await source.getByTestId("remote-source-poll").click();
    await expect(source).toHaveAttribute("data-status", "OK", { timeout: 30_000 });
    await expect(source.getByRole("link", { name: /Run #\d+/ })).toBeVisible();

    up = false;
    await source.getByTestId("remote-source-poll").click();
    await expect(source).toHaveAttribute("data-status", "FAILED", { timeout: 30_000 });
    await expect(source.getByTestId("remote-source-error")).toContainText("503");

    await source.getByRole("button", { name: /remove/i }).click();
    await expect(source).toHaveCount(0);
  } finally {
    const api = page.request;
    const listed = (await (await api.get("/api/v1/pipeline/sources")).json()).data as { id: number; url: string }[] | null;
    for (const leftover of listed?.filter((entry) => entry.url === url) ?? []) await api.delete(`/api/v1/pipeline/sources/${leftover.id}`);
    await new Promise((resolve) => server.close(resolve));
  }
});
