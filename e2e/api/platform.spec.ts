import { expect, test } from "@playwright/test";

import { DEMO_USERS, signedIn } from "../helpers/accounts";

test.describe("platform endpoints", () => {
  test("GET /api/health answers 200 in the envelope with app and database up", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.error).toBeNull();
    expect(body.data.status).toBe("ok");
    expect(body.data.app.status).toBe("up");
    expect(body.data.database.status).toBe("up");
    expect(body.data.realtime.status).toBe("up");
    expect(body.metadata.requestId).toBe(response.headers()["x-request-id"]);
  });

  test("the public gets statuses only; versions, hosts and counts are for a signed-in ADMIN", async ({ request, playwright }) => {
    const anonymous = await (await request.get("/api/health")).json();
    expect(anonymous.data.app).toEqual({ status: "up" });
    expect(Object.keys(anonymous.data.database).sort()).toEqual(["latencyMs", "status"]);
    expect(Object.keys(anonymous.data.realtime).sort()).toEqual(["latencyMs", "status"]);
    expect(Object.keys((await (await request.get("/api/health/db")).json()).data).sort()).toEqual(["latencyMs", "status"]);

    const viewer = await signedIn(playwright.request, DEMO_USERS.VIEWER);
    expect((await (await viewer.get("/api/health")).json()).data.database.details).toBeUndefined();
    const admin = await signedIn(playwright.request, DEMO_USERS.ADMIN);
    const full = await (await admin.get("/api/health")).json();
    expect(full.data.app.version).toMatch(/^\d+\.\d+/);
    expect(full.data.database.details.migrations).toBeGreaterThan(0);
    expect(full.data.realtime.details.host).toContain(":");
    expect((await (await admin.get("/api/health/db")).json()).data.details.version).toMatch(/^\d+/);
  });

  test("a caller's x-request-id is echoed in the header and the envelope", async ({ request }) => {
    const response = await request.get("/api/health", { headers: { "x-request-id": "trace-abc.123" } });
    expect(response.headers()["x-request-id"]).toBe("trace-abc.123");
    expect((await response.json()).metadata.requestId).toBe("trace-abc.123");
  });

  test("an unusable x-request-id is replaced by a generated one", async ({ request }) => {
    const response = await request.get("/api/health", { headers: { "x-request-id": "bad id with spaces <script>" } });
    const id = response.headers()["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("an unknown API path is a 404 in the envelope", async ({ request }) => {
    const response = await request.get("/api/v1/no-such-thing");
    expect(response.status()).toBe(404);
    const body = await response.json();
    expect(body.data).toBeNull();
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.metadata.requestId).toBeTruthy();
  });
});
