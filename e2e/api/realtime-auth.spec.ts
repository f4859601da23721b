import { createHmac } from "node:crypto";

import { expect, test } from "@playwright/test";

import { DEMO_USERS, signInByApi } from "../helpers/accounts";

const SECRET = process.env.PUSHER_SECRET ?? "pulseboard-secret";
const SOCKET_ID = "1234.5678";

const authorize = (request: Parameters<typeof signInByApi>[0], channel: string, socketId = SOCKET_ID) =>
  request.post("/api/realtime/auth", { form: { socket_id: socketId, channel_name: channel } });

function expectedSignature(channel: string, channelData?: string) {
  const payload = channelData ? `${SOCKET_ID}:${channel}:${channelData}` : `${SOCKET_ID}:${channel}`;
  return `pulseboard-key:${createHmac("sha256", SECRET).update(payload).digest("hex")}`;
}

test.describe("POST /api/realtime/auth", () => {
  test("answers 401 to an anonymous caller", async ({ request }) => {
    const response = await authorize(request, "private-kpis");
    expect(response.status()).toBe(401);
  });

  test("signs the Orglight manager into its unit's channels only", async ({ request }) => {
    await signInByApi(request, DEMO_USERS.MANAGER);
    const own = await authorize(request, "private-kpis-bu-orglight");
    expect(own.status()).toBe(200);
    expect((await own.json()).auth).toBe(expectedSignature("private-kpis-bu-orglight"));
    for (const channel of ["private-kpis-bu-perfil", "private-kpis", "private-invoices", "private-invoices-bu-perfil"]) {
      const refused = await authorize(request, channel);
      expect(refused.status(), channel).toBe(403);
      expect((await refused.json()).error.code).toBe("FORBIDDEN");
    }
  });

  test("keeps the Orglight manager to its unit's runs and viewers", async ({ request }) => {
    await signInByApi(request, DEMO_USERS.MANAGER);
    for (const channel of ["private-pipeline-bu-orglight", "presence-viewers-bu-orglight"])
      expect((await authorize(request, channel)).status(), channel).toBe(200);
    for (const channel of [
      "private-pipeline",
      "private-pipeline-bu-perfil",
      "presence-viewers",
      "presence-viewers-bu-perfil",
      "private-pipeline-run-999999",
    ]) {
      const refused = await authorize(request, channel);
      expect(refused.status(), channel).toBe(403);
      expect((await refused.json()).error.code).toBe("FORBIDDEN");
    }
  });

  test("keeps VIEWER off the pipeline channels", async ({ request }) => {
    await signInByApi(request, DEMO_USERS.VIEWER);
    expect((await authorize(request, "private-kpis")).status()).toBe(200);
    expect((await authorize(request, "private-pipeline")).status()).toBe(403);
    expect((await authorize(request, "private-pipeline-run-1")).status()).toBe(403);
  });

  test("signs presence with the user's id, name and role", async ({ request }) => {
    await signInByApi(request, DEMO_USERS.ANALYST);
    const response = await authorize(request, "presence-viewers");
    expect(response.status()).toBe(200);
    const body = await response.json();
    const member = JSON.parse(body.channel_data);
    expect(member.user_info).toEqual({ name: expect.any(String), role: "ANALYST" });
    expect(member.user_id).toEqual(expect.any(String));
    expect(body.auth).toBe(expectedSignature("presence-viewers", body.channel_data));
  });

  test("rejects a malformed socket id with 422", async ({ request }) => {
    await signInByApi(request, DEMO_USERS.ADMIN);
    const response = await authorize(request, "private-kpis", "not-a-socket");
    expect(response.status()).toBe(422);
    expect((await response.json()).error.code).toBe("VALIDATION_FAILED");
  });
});

test.describe("GET /api/cron/refresh-kpis", () => {
  test("refuses a missing or wrong secret", async ({ request }) => {
    expect((await request.get("/api/cron/refresh-kpis")).status()).toBe(401);
    expect((await request.get("/api/cron/refresh-kpis", { headers: { authorization: "Bearer wrong" } })).status()).toBe(401);
  });

  test("refreshes every scope with the right secret", async ({ request }) => {
    const response = await request.get("/api/cron/refresh-kpis", { headers: { authorization: "Bearer pulseboard-cron-secret" } });
    expect(response.status()).toBe(200);
    const { data } = await response.json();
    expect(data.scopes.map((scope: { scope: string }) => scope.scope)).toEqual(["all", "orglight", "perfil"]);
  });
});
