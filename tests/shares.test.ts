// Share links through their routes: a token of 192 random bits of which only the hash is stored, a
// scope no wider than the creator's, expiries from 1 hour to 90 days, revocation that ends the link
// at once (410 page, refused endpoints and channel signatures, an event for open viewers), the
// channels a link's viewer may subscribe to, view counting, and the audit entries.
import { createHash } from "node:crypto";

import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { seedDemoData } from "../lib/seed/seed-demo-data";
import type { SessionUser } from "../lib/server/auth/session-user";
import { caller, published } from "./helpers/app-mocks";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

vi.hoisted(() => {
  // Publishes are captured below; nothing reaches a realtime server.
  process.env.PUSHER_PORT = "9";
});

let database: TestDatabase;

vi.mock("../lib/server/db", async () => (await import("./helpers/app-mocks")).databaseModule(() => database));
vi.mock("../lib/server/auth/current-user", async () => (await import("./helpers/app-mocks")).callerModule());
vi.mock("../lib/realtime/publish", async (original) => (await import("./helpers/app-mocks")).publishModule(await original()));
// The unavailable page reads the language from cookies and headers, as in a request.
vi.mock("next/headers", () => ({
  cookies: () => Promise.resolve({ get: () => undefined }),
  headers: () => Promise.resolve(new Headers({ "accept-language": "en" })),
}));

const { loadSessionUser } = await import("../lib/server/auth/session-user");
const { openShareView } = await import("../lib/shares/resolve-share");
const { proxy } = await import("../proxy");

// Each route's own params type accepts these: the call below passes what its path names.
type Handler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response>;
const routes: Record<string, Handler> = {
  "GET /api/v1/shares": (await import("../app/api/v1/shares/route")).GET,
  "POST /api/v1/shares": (await import("../app/api/v1/shares/route")).POST,
  "DELETE /api/v1/shares/{id}": (await import("../app/api/v1/shares/[id]/route")).DELETE,
  "POST /api/realtime/share-auth": (await import("../app/api/realtime/share-auth/route")).POST,
  "GET /api/share/kpis": (await import("../app/api/share/kpis/route")).GET,
  "GET /api/share/invoices": (await import("../app/api/share/invoices/route")).GET,
  "GET /share/{token}/unavailable": (await import("../app/share/[token]/unavailable/route")).GET,
};

interface Call {
  user?: SessionUser;
  params?: Record<string, string>;
  body?: unknown;
  form?: Record<string, string>;
  token?: string;
}

async function call(route: string, { user, params = {}, body, form, token }: Call = {}) {
  const [method, template] = route.split(" ") as [string, string];
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!);
  const headers: Record<string, string> = {};
  if (token !== undefined) headers["x-share-token"] = token;
  let payload: string | undefined;
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  } else if (form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    payload = new URLSearchParams(form).toString();
  }
  const request = new NextRequest(`http://localhost${path}`, { method, headers, body: payload });
  const run = () => routes[route]!(request, { params: Promise.resolve(params) as Promise<never> });
  const response = user ? await caller.run(user, run) : await run();
  const text = await response.text();
  const json = response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as Record<string, unknown>) : null;
  return {
    status: response.status,
    headers: response.headers,
    text,
    data: json?.data as Record<string, unknown> | undefined,
    error: json?.error as { code: string; message: string } | null | undefined,
    json,
  };
}

const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;

let admin: SessionUser;
let orglight: SessionUser;
let perfil: SessionUser;

async function createLink(user: SessionUser, body: Record<string, unknown>) {
  const response = await call("POST /api/v1/shares", { user, body: { expiresIn: "1d", ...body } });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  const { share, url } = response.data as { share: { id: string }; url: string };
  return { id: share.id, token: tokenOf(url), url, share: response.data!.share as Record<string, unknown> };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.url, { lines: 2_000, now: new Date() });
  const { db } = database;
  const perfilUnit = await db.businessUnit.findUniqueOrThrow({ where: { slug: "perfil" } });
  await db.user.create({
    data: {
      email: "perfil-manager@pulseboard.local",
      name: "Pia Perfil",
      role: "MANAGER",
      businessUnitId: perfilUnit.id,
      passwordHash: "x",
    },
  });
  const byEmail = async (email: string) => (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { email } })).id))!;
  admin = await byEmail("admin@pulseboard.local");
  orglight = await byEmail("manager@pulseboard.local");
  perfil = await byEmail("perfil-manager@pulseboard.local");
}, 120_000);

beforeEach(() => {
  published.length = 0;
});

describe("a new share link", () => {
  it("carries a token of at least 128 random bits in its URL, of which only the SHA-256 is stored", async () => {
    const first = await createLink(admin, { label: "Lobby", scope: "all" });
    const second = await createLink(admin, { scope: "all" });
    for (const { token, url } of [first, second]) {
      expect(url).toMatch(/^http:\/\/localhost\/share\/[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    }
    expect(first.token).not.toBe(second.token);

    const row = await database.db.shareLink.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(first.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(first.token);
    // The answer names the link but never its token outside the URL, and the list never shows it again.
    expect(JSON.stringify(first.share)).not.toContain(first.token);
    const list = await call("GET /api/v1/shares", { user: admin });
    expect(list.text).not.toContain(first.token);
    expect(list.text).not.toContain(row.tokenHash);
  });

  it("answers with its label, scope, kiosk flag, creator and expiry, active and unviewed", async () => {
    const before = Date.now();
    const { share } = await createLink(orglight, { label: "  Shop TV  ", scope: "orglight", kiosk: true, expiresIn: "7d" });
    expect(share).toMatchObject({
      label: "Shop TV",
      businessUnit: { slug: "orglight" },
      kiosk: true,
      createdBy: orglight.name,
      status: "active",
      viewCount: 0,
      lastViewedAt: null,
      revokedAt: null,
    });
    const lifetime = Date.parse(share.expiresAt as string) - before;
    expect(lifetime).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(lifetime).toBeLessThan(7 * 86_400_000 + 60_000);
  });
});

describe("the scope of a link", () => {
  it("is no wider than its creator's: a scoped manager shares only its own unit (403 otherwise, nothing stored)", async () => {
    const before = await database.db.shareLink.count();
    for (const scope of ["perfil", "all"]) {
      const response = await call("POST /api/v1/shares", { user: orglight, body: { scope, expiresIn: "1h" } });
      expect(response.status, scope).toBe(403);
      expect(response.error?.code).toBe("FORBIDDEN");
    }
    expect(await database.db.shareLink.count()).toBe(before);
    await createLink(orglight, { scope: "orglight" });
    await createLink(admin, { scope: "perfil" });
  });

  it("must name a business unit that exists (422)", async () => {
    const response = await call("POST /api/v1/shares", { user: admin, body: { scope: "atlantis", expiresIn: "1h" } });
    expect(response.status).toBe(422);
  });

  it("limits the list: a scoped manager sees its unit's links only, an admin sees all", async () => {
    const mine = await createLink(orglight, { label: "orglight's", scope: "orglight" });
    const theirs = await createLink(perfil, { label: "perfil's", scope: "perfil" });
    const everyUnit = await createLink(admin, { label: "everyone's", scope: "all" });
    const ids = async (user: SessionUser) =>
      ((await call("GET /api/v1/shares", { user })).data as unknown as { id: string }[]).map((s) => s.id);
    const seenByOrglight = await ids(orglight);
    expect(seenByOrglight).toContain(mine.id);
    expect(seenByOrglight).not.toContain(theirs.id);
    expect(seenByOrglight).not.toContain(everyUnit.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([mine.id, theirs.id, everyUnit.id]));
    expect((await call("GET /api/v1/shares", { user: { ...orglight, role: "ANALYST" } })).status).toBe(403);
  });
});

describe("the expiry of a link", () => {
  const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

  it.each([
    ["30 minutes", { expiresAt: inHours(0.5) }],
    ["in the past", { expiresAt: inHours(-1) }],
    ["91 days", { expiresAt: inHours(91 * 24) }],
  ])("outside 1 hour to 90 days is refused with 422: %s", async (_name, expiry) => {
    const response = await call("POST /api/v1/shares", { user: admin, body: { scope: "all", ...expiry } });
    expect(response.status).toBe(422);
    expect(response.error?.code).toBe("EXPIRY_OUT_OF_RANGE");
  });

  it.each([
    ["no expiry", {}],
    ["both a preset and an instant", { expiresIn: "1d", expiresAt: inHours(48) }],
    ["an unknown preset", { expiresIn: "1y" }],
    ["not an instant", { expiresAt: "tomorrow" }],
  ])("must be one preset or one instant (422): %s", async (_name, expiry) => {
    const response = await call("POST /api/v1/shares", { user: admin, body: { scope: "all", ...expiry } });
    expect(response.status).toBe(422);
    expect(response.error?.code).toBe("VALIDATION_FAILED");
  });

  it("may be any preset, or a custom instant inside the range", async () => {
    for (const expiresIn of ["1h", "1d", "7d", "30d", "90d"]) await createLink(admin, { scope: "all", expiresIn });
    const { share } = await createLink(admin, { scope: "all", expiresIn: undefined, expiresAt: inHours(36) });
    expect(Math.abs(Date.parse(share.expiresAt as string) - Date.parse(inHours(36)))).toBeLessThan(5_000);
  });
});

describe("a link's viewer", () => {
  it("reads the KPIs and invoices of the link's scope, and only with a token of an active link", async () => {
    const link = await createLink(admin, { scope: "perfil" });
    const kpis = await call("GET /api/share/kpis", { token: link.token });
    expect(kpis.status).toBe(200);
    expect(kpis.data?.scope).toBe("perfil");
    const invoices = await call("GET /api/share/invoices", { token: link.token });
    expect(invoices.status).toBe(200);
    expect(Array.isArray(invoices.data)).toBe(true);

    expect((await call("GET /api/share/kpis")).status).toBe(404);
    expect((await call("GET /api/share/kpis", { token: "A".repeat(32) })).status).toBe(404);
    // A session is no share token: the viewer's endpoints ignore it.
    expect((await call("GET /api/share/kpis", { user: admin })).status).toBe(404);
  });

  it("is signed only for the link's channels; another unit's or the all-units channels are 403", async () => {
    const link = await createLink(orglight, { scope: "orglight" });
    const other = await createLink(perfil, { scope: "perfil" });
    const sign = (channel: string) =>
      call("POST /api/realtime/share-auth", { token: link.token, form: { socket_id: "123.456", channel_name: channel } });

    for (const channel of ["private-kpis-bu-orglight", "private-invoices-bu-orglight", `private-share-${link.id}`]) {
      const response = await sign(channel);
      expect(response.status, channel).toBe(200);
      expect(response.json?.auth).toMatch(/^pulseboard-key:[0-9a-f]{64}$/);
      expect(response.json?.channel_data).toBeUndefined();
    }
    for (const channel of [
      "private-kpis-bu-perfil",
      "private-kpis",
      "private-invoices",
      "presence-viewers",
      "presence-viewers-bu-perfil",
      "private-pipeline",
      "private-pipeline-bu-orglight",
      "private-pipeline-run-1",
      `private-share-${other.id}`,
      `private-user-${orglight.id}`,
    ]) {
      const response = await sign(channel);
      expect(response.status, channel).toBe(403);
    }
  });

  it("joins its scope's presence channel as an anonymous member, one fresh id per subscription", async () => {
    const link = await createLink(admin, { scope: "all" });
    const members = [];
    for (let index = 0; index < 2; index += 1) {
      const response = await call("POST /api/realtime/share-auth", {
        token: link.token,
        form: { socket_id: "123.456", channel_name: "presence-viewers" },
      });
      expect(response.status).toBe(200);
      members.push(JSON.parse(response.json?.channel_data as string) as { user_id: string; user_info: unknown });
    }
    for (const member of members) {
      expect(member.user_id).toMatch(new RegExp(`^share:${link.id}:[0-9a-f]+$`));
      expect(member.user_info).toEqual({ anonymous: true });
    }
    expect(members[0]!.user_id).not.toBe(members[1]!.user_id);
  });

  it("counts each opening of the page, with the time of the last one", async () => {
    const link = await createLink(admin, { scope: "all" });
    const first = new Date(Date.now() + 1_000);
    const second = new Date(Date.now() + 2_000);
    expect((await openShareView(link.token, first)).status).toBe("active");
    expect((await openShareView(link.token, second)).status).toBe("active");
    const row = await database.db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.viewCount).toBe(2);
    expect(row.lastViewedAt).toEqual(second);
    // The data endpoints and realtime do not count as views.
    await call("GET /api/share/kpis", { token: link.token });
    const views = ((await call("GET /api/v1/shares", { user: admin })).data as unknown as { id: string; viewCount: number }[]).find(
      (share) => share.id === link.id,
    );
    expect(views?.viewCount).toBe(2);
  });
});

describe("an ended link", () => {
  async function expectEnded(token: string, reason: "expired" | "revoked") {
    // The page: proxy.ts rewrites to the route handler, which answers 410 with a clear page.
    const rewritten = await proxy(new NextRequest(`http://localhost/share/${token}`));
    expect(rewritten.headers.get("x-middleware-rewrite")).toBe(`http://localhost/share/${token}/unavailable`);
    expect(rewritten.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    const page = await call("GET /share/{token}/unavailable", { params: { token } });
    expect(page.status).toBe(410);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(page.text).toContain(`data-reason="${reason}"`);
    expect(page.text).toContain(reason === "expired" ? "Share link expired" : "Share link revoked");
    expect(page.text).not.toContain("<script");

    // Its endpoints and channel signatures refuse it, and opening it counts nothing.
    const code = reason === "expired" ? "SHARE_EXPIRED" : "SHARE_REVOKED";
    for (const route of ["GET /api/share/kpis", "GET /api/share/invoices"]) {
      const response = await call(route, { token });
      expect(response.status, route).toBe(410);
      expect(response.error?.code).toBe(code);
    }
    const signed = await call("POST /api/realtime/share-auth", { token, form: { socket_id: "123.456", channel_name: "private-kpis" } });
    expect(signed.status).toBe(410);
    expect((await openShareView(token)).status).toBe(reason);
  }

  it("revoked: 410 at once, open viewers told on the link's channel, audited once with its unit", async () => {
    const link = await createLink(orglight, { label: "Shop TV", scope: "orglight" });
    expect((await proxy(new NextRequest(`http://localhost/share/${link.token}`))).headers.get("x-middleware-rewrite")).toBeNull();

    // Another unit's manager cannot see it, so cannot revoke it.
    expect((await call("DELETE /api/v1/shares/{id}", { user: perfil, params: { id: link.id } })).status).toBe(404);
    expect(published).toEqual([]);

    const revoked = await call("DELETE /api/v1/shares/{id}", { user: orglight, params: { id: link.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.data).toMatchObject({ id: link.id, status: "revoked", revokedAt: expect.any(String) });
    expect(published).toEqual([
      { channel: `private-share-${link.id}`, name: "share.revoked", data: { revokedAt: revoked.data?.revokedAt } },
    ]);
    await expectEnded(link.token, "revoked");

    // Revoking again changes nothing and tells no one again.
    published.length = 0;
    expect((await call("DELETE /api/v1/shares/{id}", { user: admin, params: { id: link.id } })).status).toBe(200);
    expect(published).toEqual([]);
    const audit = await database.db.auditEvent.findMany({ where: { targetId: link.id }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["share.create", "share.revoke"]);
    const orglightUnit = await database.db.businessUnit.findUniqueOrThrow({ where: { slug: "orglight" } });
    for (const entry of audit) {
      expect(entry).toMatchObject({ actorId: orglight.id, targetType: "ShareLink", businessUnitId: orglightUnit.id });
    }
    expect(audit[0]!.details).toMatchObject({ label: "Shop TV", scope: "orglight", kiosk: false });
  });

  it("expired: 410, and listed as expired", async () => {
    const link = await createLink(admin, { scope: "all" });
    await database.db.shareLink.update({ where: { id: link.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    await expectEnded(link.token, "expired");
    const listed = ((await call("GET /api/v1/shares", { user: admin })).data as unknown as { id: string; status: string }[]).find(
      (share) => share.id === link.id,
    );
    expect(listed?.status).toBe("expired");
  });

  it("of a creator who was deactivated, or lost the unit, stops working like a revoked one", async () => {
    const creator = await database.db.user.create({
      data: {
        email: "short-lived@pulseboard.local",
        name: "Short Lived",
        role: "MANAGER",
        businessUnitId: orglight.businessUnitId,
        passwordHash: "x",
      },
    });
    const user = (await loadSessionUser(creator.id))!;
    const link = await createLink(user, { scope: "orglight" });
    expect((await call("GET /api/share/kpis", { token: link.token })).status).toBe(200);
    await database.db.user.update({ where: { id: creator.id }, data: { businessUnitId: perfil.businessUnitId } });
    expect((await call("GET /api/share/kpis", { token: link.token })).status).toBe(410);
    await database.db.user.update({ where: { id: creator.id }, data: { businessUnitId: orglight.businessUnitId, active: false } });
    await expectEnded(link.token, "revoked");
  });

  it("an unknown token: 404 with a clear page", async () => {
    const token = "B".repeat(32);
    const rewritten = await proxy(new NextRequest(`http://localhost/share/${token}`));
    expect(rewritten.headers.get("x-middleware-rewrite")).toBe(`http://localhost/share/${token}/unavailable`);
    const page = await call("GET /share/{token}/unavailable", { params: { token } });
    expect(page.status).toBe(404);
    expect(page.text).toContain('data-reason="unknown"');
  });
});
