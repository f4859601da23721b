// The invoice-stream HTTP API (kept at the original system's paths): exact paths, the envelope, roles and scope.
// Ticks are driven here through the cron route, so the tests pass with or without the local worker.
import { expect, request as requests, test, type APIRequestContext } from "@playwright/test";

import { createApiTokenFor, DEMO_USERS, signInByApi, type DemoRole } from "../helpers/accounts";
import { driveTicks, holdGenerator } from "../helpers/invoice-generator";

/** The generator status as `context` sees it. */
async function readStatus(context: APIRequestContext): Promise<{ state: string; produced: number }> {
  return (await (await context.get("/api/system/status")).json()).data as { state: string; produced: number };
}

async function signedIn(baseURL: string | undefined, role: DemoRole) {
  const context = await requests.newContext({ baseURL });
  const response = await signInByApi(context, DEMO_USERS[role]);
  expect(response.status()).toBeLessThan(400);
  return context;
}

test.describe("invoice stream API", () => {
  test("viewers and analysts get 403 on every control; anonymous callers 401", async ({ baseURL, request }) => {
    for (const role of ["VIEWER", "ANALYST"] as const) {
      const context = await signedIn(baseURL, role);
      for (const action of ["start", "stop", "reset"]) {
        const response = await context.post(`/api/control/${action}`, { data: {} });
        expect(response.status(), `${role} ${action}`).toBe(403);
        const body = await response.json();
        expect(body.error.code).toBe("FORBIDDEN");
        expect(body.metadata.requestId).toBe(response.headers()["x-request-id"]);
      }
      // Reading is for everyone.
      expect((await context.get("/api/stats")).status()).toBe(200);
      await context.dispose();
    }
    expect((await request.post("/api/control/start", { data: {} })).status()).toBe(401);
    expect((await request.get("/api/stats")).status()).toBe(401);
    expect((await request.get("/api/cron/tick-invoices")).status()).toBe(401);
  });

  test("GET /api/invoices validates its limit", async ({ baseURL }) => {
    const context = await signedIn(baseURL, "VIEWER");
    for (const limit of ["0", "501", "abc", "2.5"]) {
      const response = await context.get(`/api/invoices?limit=${limit}`);
      expect(response.status(), limit).toBe(422);
      expect((await response.json()).error.code).toBe("VALIDATION_FAILED");
    }
    expect((await context.get("/api/invoices?limit=500")).status()).toBe(200);
    await context.dispose();
  });

  test("start, run, stop and reset: stats, status and the newest invoices agree", async ({ baseURL, request }) => {
    test.setTimeout(120_000);
    const release = await holdGenerator();
    const admin = await signedIn(baseURL, "ADMIN");
    try {
      expect((await admin.post("/api/control/stop")).status()).toBe(200);
      expect((await admin.post("/api/control/reset")).status()).toBe(200);
      const invalid = await admin.post("/api/control/start", { data: { ratePerSecond: 5000 } });
      expect(invalid.status()).toBe(422);
      // Within each limit, but more invoices in all than one start may make (GENERATOR_MAX_INVOICES_PER_RUN, default 100,000).
      const overCap = await admin.post("/api/control/start", { data: { ratePerSecond: 2000, durationSeconds: 86_400 } });
      expect(overCap.status()).toBe(422);
      expect((await overCap.json()).error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("at most") });
      expect((await readStatus(admin)).state).toBe("IDLE");

      const started = await admin.post("/api/control/start", { data: { ratePerSecond: 20, durationSeconds: 60 } });
      expect(started.status()).toBe(200);
      expect((await started.json()).data).toMatchObject({ state: "RUNNING", ratePerSecond: 20, produced: 0 });
      const again = await admin.post("/api/control/start", { data: {} });
      expect(again.status()).toBe(409);
      expect((await again.json()).error.code).toBe("CONFLICT");

      const stopTicks = driveTicks(request);
      await expect.poll(async () => (await readStatus(admin)).produced, { timeout: 15_000 }).toBeGreaterThanOrEqual(30);
      const stopped = await admin.post("/api/control/stop");
      expect(stopped.status()).toBe(200);
      const status = (await stopped.json()).data;
      expect(status.state).toBe("IDLE");
      await new Promise((resolve) => setTimeout(resolve, 600));
      await stopTicks();

      const after = (await (await admin.get("/api/system/status")).json()).data;
      expect(after).toMatchObject({ state: "IDLE", produced: status.produced, ratePerSecond: 20 });
      expect(Object.keys(after)).toEqual(expect.arrayContaining(["state", "ratePerSecond", "produced", "startedAt", "endsAt"]));

      const stats = (await (await admin.get("/api/stats")).json()).data;
      expect(stats.count).toBe(status.produced);
      for (const key of ["subtotal", "vat", "total", "average"]) expect(stats[key]).toMatch(/^\d+\.\d{2}$/);
      expect(Number(stats.total)).toBeCloseTo(Number(stats.subtotal) + Number(stats.vat), 2);

      const listed = await admin.get("/api/invoices");
      const invoices = (await listed.json()).data as { number: string; issuedAt: string; total: string }[];
      expect(invoices).toHaveLength(20);
      expect(invoices.map((invoice) => invoice.issuedAt)).toEqual([...invoices.map((invoice) => invoice.issuedAt)].sort().reverse());
      expect(invoices[0]!.number).toMatch(/^SIM-(ORGLIGHT|PERFIL)-\d{6}$/);

      // A programmatic caller with an API token sees the same.
      const token = await createApiTokenFor(DEMO_USERS.ADMIN);
      const viaToken = await request.get("/api/stats", { headers: { authorization: `Bearer ${token}` } });
      expect((await viaToken.json()).data.count).toBe(stats.count);

      const reset = await admin.post("/api/control/reset");
      expect(reset.status()).toBe(200);
      expect((await (await admin.get("/api/stats")).json()).data).toEqual({
        count: 0,
        subtotal: "0.00",
        vat: "0.00",
        total: "0.00",
        average: "0.00",
      });
    } finally {
      await admin.dispose();
      await release();
    }
  });

  test("a manager scoped to Orglight generates, lists and counts only Orglight", async ({ baseURL, request }) => {
    test.setTimeout(120_000);
    const release = await holdGenerator();
    const manager = await signedIn(baseURL, "MANAGER");
    const admin = await signedIn(baseURL, "ADMIN");
    try {
      await admin.post("/api/control/stop");
      await admin.post("/api/control/reset");
      const started = await manager.post("/api/control/start", { data: { ratePerSecond: 40, durationSeconds: 1 } });
      expect(started.status()).toBe(200);
      expect((await started.json()).data.businessUnit).toBe("orglight");
      const stopTicks = driveTicks(request);
      await expect.poll(async () => (await readStatus(manager)).state, { timeout: 15_000 }).toBe("IDLE");
      await stopTicks();

      const invoices = (await (await manager.get("/api/invoices?limit=100")).json()).data as { businessUnit: string }[];
      expect(invoices).toHaveLength(40);
      expect(invoices.every((invoice) => invoice.businessUnit === "Orglight")).toBe(true);
      expect((await (await manager.get("/api/stats")).json()).data.count).toBe(40);
      expect((await (await admin.get("/api/stats")).json()).data.count).toBe(40);

      // The manager's reset clears its unit; an admin's all-units run, or another unit's generator, is not its to stop.
      expect((await manager.post("/api/control/reset")).status()).toBe(200);
      expect((await (await admin.get("/api/stats")).json()).data.count).toBe(0);
      expect((await admin.post("/api/control/start", { data: { ratePerSecond: 1, durationSeconds: 30 } })).status()).toBe(200);
      for (const businessUnit of ["all", "perfil"]) {
        expect((await manager.post("/api/control/stop", { data: { businessUnit } })).status(), businessUnit).toBe(403);
        expect((await manager.post("/api/control/reset", { data: { businessUnit } })).status(), businessUnit).toBe(403);
      }
      // Its own Stop reaches only its unit's generator (idle here): the admin's run goes on.
      expect((await manager.post("/api/control/stop")).status()).toBe(200);
      expect((await readStatus(admin)).state).toBe("RUNNING");
      expect((await admin.post("/api/control/stop")).status()).toBe(200);
    } finally {
      await admin.post("/api/control/stop");
      await admin.post("/api/control/reset");
      await Promise.all([manager.dispose(), admin.dispose()]);
      await release();
    }
  });
});
