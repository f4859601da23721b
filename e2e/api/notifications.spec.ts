// The notification settings API is for admins only.
import { expect, test } from "@playwright/test";

import { DEMO_USERS, signedIn } from "../helpers/accounts";

test("viewers and managers cannot manage notifications", async ({ playwright }) => {
  for (const email of [DEMO_USERS.VIEWER, DEMO_USERS.MANAGER]) {
    const api = await signedIn(playwright.request, email);
    expect((await api.get("/api/v1/notifications/targets")).status()).toBe(403);
    expect((await api.post("/api/v1/notifications/targets", { data: { kind: "SLACK", target: "http://127.0.0.1:9/x" } })).status()).toBe(
      403,
    );
  }
});
