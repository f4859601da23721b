// Remote sources load every business unit: only an admin may add, poll or remove one.
import { expect, test } from "@playwright/test";

import { DEMO_USERS, signedIn } from "../helpers/accounts";

test("analysts and managers read the sources but may not add, poll or remove one; viewers see none", async ({ playwright }) => {
  for (const email of [DEMO_USERS.ANALYST, DEMO_USERS.MANAGER]) {
    const api = await signedIn(playwright.request, email);
    expect((await api.get("/api/v1/pipeline/sources")).status()).toBe(200);
    expect((await api.post("/api/v1/pipeline/sources", { data: { name: "x", url: "http://127.0.0.1:9/x.csv" } })).status()).toBe(403);
    expect((await api.post("/api/v1/pipeline/sources/1/poll")).status()).toBe(403);
    expect((await api.delete("/api/v1/pipeline/sources/1")).status()).toBe(403);
  }
  const viewer = await signedIn(playwright.request, DEMO_USERS.VIEWER);
  expect((await viewer.get("/api/v1/pipeline/sources")).status()).toBe(403);
});

test("a bad source is refused with a readable message", async ({ playwright }) => {
  const admin = await signedIn(playwright.request, DEMO_USERS.ADMIN);
  const response = await admin.post("/api/v1/pipeline/sources", { data: { name: "ftp", url: "ftp://example.test/x.csv" } });
  expect(response.status()).toBe(422);
  expect((await response.json()).error.message).toMatch(/http\(s\) URL/);
  expect(
    (
      await admin.post("/api/v1/pipeline/sources", { data: { name: "fast", url: "http://127.0.0.1:9/x.csv", intervalMinutes: 1 } })
    ).status(),
  ).toBe(422);
});
