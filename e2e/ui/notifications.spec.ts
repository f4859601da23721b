// /notifications on desktop and phone: add a Slack target (a local receiver here), send a test,
// read it in the history, refuse a bad address, remove the target.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { DEMO_USERS } from "../helpers/accounts";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

test("an admin adds a Slack target, sends a test, reads the history and removes it", async ({ page }) => {
  const received: string[] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push(body);
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const webhook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook-${test.info().project.name}`;
  try {
    await page.goto("/login");
    await signInWithForm(page, DEMO_USERS.ADMIN);
    await page.waitForURL((url) => url.pathname !== "/login");
    await page.goto("/notifications");
    const main = page.locator("#main");

    // A bad address is refused with a readable message.
    await main.getByTestId("target-kind").selectOption("EMAIL");
    await main.getByTestId("target-address").fill("not-an-address");
    await main.getByTestId("target-add").click();
    await expect(main.getByTestId("notifications-error")).toContainText(/email/i);

    await main.getByTestId("target-kind").selectOption("SLACK");
    await main.getByTestId("target-address").fill(webhook);
    await main.getByTestId("target-add").click();
    const target = main.locator(`[data-testid="target"][data-target="${webhook}"]`);
    await expect(target).toBeVisible();

    await target.getByTestId("target-test").click();
    await expect.poll(() => received.length).toBe(1);
    expect(JSON.parse(received[0]!).text).toContain("Pulseboard test notification");
    await expect(main.getByTestId("delivery-status").first()).toHaveAttribute("data-status", "SENT");

    await target.getByTestId("target-remove").click();
    await expect(target).toHaveCount(0);
  } finally {
    // Never leave a target behind: other tests' runs would notify it.
    const api = page.request;
    const targets = (await (await api.get("/api/v1/notifications/targets")).json()).data as { id: number; target: string }[] | null;
    for (const leftover of targets?.filter((entry) => entry.target === webhook) ?? [])
      await api.delete(`/api/v1/notifications/targets/${leftover.id}`);
    await new Promise((resolve) => receiver.close(resolve));
  }
});
