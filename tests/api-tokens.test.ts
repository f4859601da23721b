// API tokens through their routes: created from a session and shown once, stored hashed, acting as
// their owner (role and unit, read fresh), refused once expired, revoked or the owner deactivated,
// and a use from a new address audited once.
import { createHash } from "node:crypto";

import { beforeAll, describe, expect, it, vi } from "vitest";

import type { Account } from "../lib/account/types";
import type { SessionUser } from "../lib/server/auth/session-user";
import type { CreatedToken, TokenView } from "../lib/tokens/types";
import { createBusinessUnits } from "./helpers/business-units";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { call, type RouteCall } from "./helpers/route-caller";

vi.hoisted(() => {
  process.env.TRUST_PROXY = "true";
});

let database: TestDatabase;

vi.mock("../lib/server/db", async () => (await import("./helpers/app-mocks")).databaseModule(() => database));
vi.mock("../lib/server/auth/current-user", async () => (await import("./helpers/route-caller")).currentUserMock());

const { loadSessionUser } = await import("../lib/server/auth/session-user");
const { createToken } = await import("../lib/tokens/manage-tokens");

const bearer = (token: string, ip?: string): RouteCall => ({
  headers: { authorization: `Bearer ${token}`, ...(ip ? { "x-forwarded-for": ip } : {}) },
});

let units: Record<string, { id: number; slug: string }>;
const people: Record<string, string> = {};

async function account(key: string, role: SessionUser["role"], unit: string | null = null) {
  const user = await database.db.user.create({
    data: { email: `${key}@x.test`, name: key, role, businessUnitId: unit ? units[unit]!.id : null, passwordHash: "unused" },
  });
  people[key] = user.id;
  return user.id;
}
const sessionUser = async (key: string) => (await loadSessionUser(people[key]!))!;

beforeAll(async () => {
  database = await createTestDatabase();
  units = await createBusinessUnits(database.db);
  await account("admin", "ADMIN");
  await account("perfil", "MANAGER", "perfil");
  await account("viewer", "VIEWER");
});

describe("creating a token", () => {
  it("answers the secret once, stores only its SHA-256, and lists it without the secret", async () => {
    const created = await call<CreatedToken>(people.perfil!, "POST /api/v1/tokens", {
      body: { name: "nightly export", expiresInDays: 90 },
    });
    expect(created.status).toBe(201);
    const { token, prefix, expiresAt, status } = created.data;
    expect(token).toMatch(new RegExp(`^pb_${prefix}_[A-Za-z0-9_-]{32,}$`));
    expect(status).toBe("active");
    expect((new Date(expiresAt!).getTime() - Date.now()) / 86_400_000).toBeCloseTo(90, 1);
    const stored = await database.db.apiToken.findFirstOrThrow({ where: { prefix } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    const listed = await call<TokenView[]>(people.perfil!, "GET /api/v1/tokens");
    expect(listed.data.map((row) => row.prefix)).toEqual([prefix]);
    expect(JSON.stringify(listed.data)).not.toContain(token.slice(12));
    expect(
      await database.db.auditEvent.count({ where: { action: "token.create", targetId: stored.id, businessUnitId: units.perfil!.id } }),
    ).toBe(1);
  });

  it("takes 30, 90, 365 days or none, and needs a name", async () => {
    const never = await call<CreatedToken>(people.viewer!, "POST /api/v1/tokens", { body: { name: "forever", expiresInDays: null } });
    expect(never.data.expiresAt).toBeNull();
    for (const body of [{ name: "odd", expiresInDays: 7 }, { name: "", expiresInDays: 30 }, { name: "missing" }]) {
      const refused = await call(people.viewer!, "POST /api/v1/tokens", { body });
      expect([refused.status, refused.error?.code], JSON.stringify(body)).toEqual([422, "VALIDATION_FAILED"]);
    }
  });

  it("cannot be done with a token, only from a signed-in session", async () => {
    const { token } = await createToken(await sessionUser("viewer"), { name: "script", expiresInDays: 30 }, {});
    const refused = await call(null, "POST /api/v1/tokens", { ...bearer(token), body: { name: "child", expiresInDays: null } });
    expect([refused.status, refused.error?.code]).toEqual([403, "FORBIDDEN"]);
  });
});

describe("a token in use", () => {
  it("acts as its owner with the owner's role and unit, read fresh on every call", async () => {
    const { token } = await createToken(await sessionUser("perfil"), { name: "scoped", expiresInDays: 30 }, {});
    const me = await call<Account>(null, "GET /api/v1/account", bearer(token));
    expect(me.data).toMatchObject({ id: people.perfil, role: "MANAGER", businessUnit: "perfil" });
    expect((await call(null, "GET /api/v1/users", bearer(token))).status).toBe(403);
    expect((await call(null, "GET /api/stats", bearer(token))).status).toBe(200);

    const { token: adminToken } = await createToken(await sessionUser("admin"), { name: "admin", expiresInDays: null }, {});
    expect((await call(null, "GET /api/v1/users", bearer(adminToken))).status).toBe(200);
    // A role change applies to the owner's tokens at once, both ways.
    const second = await account("second-admin", "ADMIN");
    const { token: demotedToken } = await createToken((await loadSessionUser(second))!, { name: "x", expiresInDays: 30 }, {});
    await database.db.user.update({ where: { id: second }, data: { role: "VIEWER" } });
    expect((await call(null, "GET /api/v1/users", bearer(demotedToken))).status).toBe(403);
  });

  it("stops working once expired", async () => {
    const longAgo = new Date(Date.now() - 31 * 86_400_000);
    const { token, id } = await createToken(await sessionUser("viewer"), { name: "old", expiresInDays: 30 }, {}, longAgo);
    const refused = await call(null, "GET /api/v1/account", bearer(token));
    expect([refused.status, refused.error?.code]).toEqual([401, "UNAUTHORIZED"]);
    const listed = await call<TokenView[]>(people.viewer!, "GET /api/v1/tokens");
    expect(listed.data.find((row) => row.id === id)?.status).toBe("expired");
  });

  it("fails with 401 as soon as its owner is deactivated", async () => {
    const owner = await account("leaver", "ANALYST");
    const { token } = await createToken((await loadSessionUser(owner))!, { name: "x", expiresInDays: null }, {});
    expect((await call(null, "GET /api/stats", bearer(token))).status).toBe(200);
    await database.db.user.update({ where: { id: owner }, data: { active: false } });
    expect((await call(null, "GET /api/stats", bearer(token))).status).toBe(401);
  });

  it("records last use, and audits a use from an address other than the last one, once", async () => {
    const { token, id } = await createToken(await sessionUser("viewer"), { name: "roaming", expiresInDays: 30 }, {});
    const events = () =>
      database.db.auditEvent.findMany({ where: { action: "token.use_new_address", targetId: id }, orderBy: { id: "asc" } });
    await Promise.all(Array.from({ length: 4 }, () => call(null, "GET /api/v1/account", bearer(token, "198.51.100.1"))));
    await call(null, "GET /api/v1/account", bearer(token, "198.51.100.1"));
    await call(null, "GET /api/v1/account", bearer(token, "198.51.100.2"));
    expect((await events()).map((event) => [event.ip, event.details, event.actorId])).toEqual([
      ["198.51.100.1", { prefix: expect.any(String), previousIp: null, ip: "198.51.100.1" }, people.viewer],
      ["198.51.100.2", { prefix: expect.any(String), previousIp: "198.51.100.1", ip: "198.51.100.2" }, people.viewer],
    ]);
    const listed = await call<TokenView[]>(people.viewer!, "GET /api/v1/tokens");
    const row = listed.data.find((entry) => entry.id === id)!;
    expect(row.lastUsedIp).toBe("198.51.100.2");
    expect(Date.now() - new Date(row.lastUsedAt!).getTime()).toBeLessThan(60_000);
  });
});

describe("revoking and listing", () => {
  it("revokes one's own token at once; another user's is a 404 unless the caller is an ADMIN", async () => {
    const mine = await createToken(await sessionUser("perfil"), { name: "mine", expiresInDays: 30 }, {});
    const others = await createToken(await sessionUser("viewer"), { name: "theirs", expiresInDays: 30 }, {});
    const notMine = await call(people.perfil!, "DELETE /api/v1/tokens/{id}", { params: { id: others.id } });
    expect([notMine.status, notMine.error?.code]).toEqual([404, "NOT_FOUND"]);
    expect((await call(null, "GET /api/stats", bearer(others.token))).status).toBe(200);

    const revoked = await call<TokenView>(people.perfil!, "DELETE /api/v1/tokens/{id}", { params: { id: mine.id } });
    expect(revoked).toMatchObject({ status: 200, data: { status: "revoked" } });
    expect((await call(null, "GET /api/stats", bearer(mine.token))).status).toBe(401);

    expect((await call(people.admin!, "DELETE /api/v1/tokens/{id}", { params: { id: others.id } })).status).toBe(200);
    expect((await call(null, "GET /api/stats", bearer(others.token))).status).toBe(401);
    const audit = await database.db.auditEvent.findMany({ where: { action: "token.revoke", targetId: { in: [mine.id, others.id] } } });
    expect(audit.map((event) => [event.targetId, event.actorId]).sort()).toEqual(
      [
        [mine.id, people.perfil],
        [others.id, people.admin],
      ].sort(),
    );
  });

  it("lists everyone's tokens only for an ADMIN (all=1)", async () => {
    const refused = await call(people.viewer!, "GET /api/v1/tokens", { query: { all: "1" } });
    expect(refused.status).toBe(403);
    const all = await call<TokenView[]>(people.admin!, "GET /api/v1/tokens", { query: { all: "1" } });
    const owners = new Set(all.data.map((row) => row.owner.id));
    expect(owners.has(people.viewer!) && owners.has(people.perfil!)).toBe(true);
    const own = await call<TokenView[]>(people.viewer!, "GET /api/v1/tokens");
    expect(own.data.every((row) => row.owner.id === people.viewer)).toBe(true);
  });
});
