// Users through their routes: who may be created with which unit, invitation and reset links used
// once within 72 h, the last active ADMIN kept (also under concurrent requests), deactivation
// taking effect at once for sessions and tokens, password changes and the sign-in audit.
import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it, vi } from "vitest";

import type { SessionUser } from "../lib/server/auth/session-user";
import type { CreatedUser, PasswordLink, UserListRow } from "../lib/users/types";
import { createBusinessUnits } from "./helpers/business-units";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { call } from "./helpers/route-caller";

vi.hoisted(() => {
  // Addresses come from X-Forwarded-For, as behind the deployment's proxy.
  process.env.TRUST_PROXY = "true";
});

let database: TestDatabase;

vi.mock("../lib/server/db", async () => (await import("./helpers/app-mocks")).databaseModule(() => database));
vi.mock("../lib/server/auth/current-user", async () => (await import("./helpers/route-caller")).currentUserMock());

const { loadSessionUser } = await import("../lib/server/auth/session-user");
const { createToken } = await import("../lib/tokens/manage-tokens");
const { authOptions } = await import("../lib/server/auth/options");

let units: Record<string, { id: number; slug: string }>;
let adminId: string;
let counter = 0;

async function createAccount(role: SessionUser["role"], unit: string | null = null, password = "a-good-password") {
  counter += 1;
  const user = await database.db.user.create({
    data: {
      email: `user${counter}@x.test`,
      name: `User ${counter}`,
      role,
      businessUnitId: unit ? units[unit]!.id : null,
      passwordHash: await bcrypt.hash(password, 4),
    },
  });
  return user.id;
}

const auditOf = (action: string, targetId?: string) =>
  database.db.auditEvent.findMany({ where: { action, ...(targetId ? { targetId } : {}) }, orderBy: { id: "asc" } });
const tokenOf = (url: string) => new URL(url).pathname.split("/").at(-1)!;

beforeAll(async () => {
  database = await createTestDatabase();
  units = await createBusinessUnits(database.db);
  adminId = await createAccount("ADMIN");
});

describe("creating a user", () => {
  it("needs a unit for a MANAGER, refuses one for an ADMIN, and names an unknown unit", async () => {
    const base = { name: "New", onboarding: "invite" };
    const missing = await call(adminId, "POST /api/v1/users", { body: { ...base, email: "m@x.test", role: "MANAGER" } });
    expect([missing.status, missing.error?.code]).toEqual([422, "UNIT_REQUIRED"]);
    const admin = await call(adminId, "POST /api/v1/users", {
      body: { ...base, email: "a@x.test", role: "ADMIN", businessUnit: "perfil" },
    });
    expect([admin.status, admin.error?.code]).toEqual([422, "UNIT_NOT_ALLOWED"]);
    const unknown = await call(adminId, "POST /api/v1/users", {
      body: { ...base, email: "u@x.test", role: "VIEWER", businessUnit: "nowhere" },
    });
    expect([unknown.status, unknown.error?.code]).toEqual([422, "UNKNOWN_UNIT"]);
    const bad = await call(adminId, "POST /api/v1/users", { body: { ...base, email: "not-an-email", role: "VIEWER" } });
    expect([bad.status, bad.error?.code]).toEqual([422, "VALIDATION_FAILED"]);
    expect(await database.db.user.count({ where: { email: { in: ["m@x.test", "a@x.test", "u@x.test"] } } })).toBe(0);
  });

  it("is for ADMINs only", async () => {
    const manager = await createAccount("MANAGER", "orglight");
    const response = await call(manager, "POST /api/v1/users", { body: { name: "X", email: "x@x.test", role: "VIEWER" } });
    expect(response.status).toBe(403);
    expect((await call(null, "GET /api/v1/users")).status).toBe(401);
  });

  it("creates a perfil manager with an invitation that sets the password once, audited", async () => {
    const created = await call<CreatedUser>(adminId, "POST /api/v1/users", {
      body: { name: "Pia Perfil", email: "Pia@X.test", role: "MANAGER", businessUnit: "perfil", onboarding: "invite" },
      headers: { "x-forwarded-for": "203.0.113.9" },
    });
    expect(created.status).toBe(201);
    const { user, invitation, initialPassword } = created.data;
    expect(user).toMatchObject({ email: "pia@x.test", role: "MANAGER", businessUnit: { slug: "perfil" }, invitationPending: true });
    expect(initialPassword).toBeNull();
    expect(invitation?.url).toMatch(/^http:\/\/localhost(:\d+)?\/set-password\/[A-Za-z0-9_-]{43}$/);
    const hours = (new Date(invitation!.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    // Only a hash of the token is stored.
    const token = tokenOf(invitation!.url);
    const stored = await database.db.passwordToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.purpose).toBe("INVITE");

    const [audit] = await auditOf("user.create", user.id);
    expect(audit).toMatchObject({ actorId: adminId, ip: "203.0.113.9", businessUnitId: units.perfil!.id });
    expect(audit?.details).toMatchObject({ after: { role: "MANAGER", businessUnit: "perfil" }, onboarding: "invite" });

    // Before the link is used, no password signs in.
    const before = await database.db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await bcrypt.compare("", before.passwordHash)).toBe(false);

    const set = await call(null, "POST /api/v1/set-password", { body: { token, password: "pia-chooses-this" } });
    expect(set).toMatchObject({ status: 200, data: { email: "pia@x.test" } });
    const after = await database.db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await bcrypt.compare("pia-chooses-this", after.passwordHash)).toBe(true);

    const again = await call(null, "POST /api/v1/set-password", { body: { token, password: "someone-else-now" } });
    expect([again.status, again.error?.code]).toEqual([410, "LINK_USED"]);
    const listed = await call<UserListRow[]>(adminId, "GET /api/v1/users", { query: { q: "pia" } });
    expect(listed.data.map((row) => [row.email, row.invitationPending])).toEqual([["pia@x.test", false]]);
  });

  it("with a generated first password answers it once and stores only its hash", async () => {
    const created = await call<CreatedUser>(adminId, "POST /api/v1/users", {
      body: { name: "Vic", email: "vic@x.test", role: "VIEWER", onboarding: "password" },
    });
    expect(created.status).toBe(201);
    expect(created.data.invitation).toBeNull();
    const password = created.data.initialPassword!;
    expect(password.length).toBeGreaterThanOrEqual(16);
    const stored = await database.db.user.findUniqueOrThrow({ where: { email: "vic@x.test" }, omit: { passwordHash: false } });
    expect(stored.passwordHash).not.toContain(password);
    expect(await bcrypt.compare(password, stored.passwordHash)).toBe(true);
    const duplicate = await call(adminId, "POST /api/v1/users", { body: { name: "Vic 2", email: "VIC@x.test", role: "VIEWER" } });
    expect([duplicate.status, duplicate.error?.code]).toEqual([409, "EMAIL_TAKEN"]);
  });
});

describe("password links", () => {
  it("expire after 72 hours", async () => {
    const userId = await createAccount("ANALYST");
    const link = await call<PasswordLink>(adminId, "POST /api/v1/users/{id}/password-link", { params: { id: userId } });
    expect(link.status).toBe(201);
    expect(link.data.purpose).toBe("RESET");
    await database.db.passwordToken.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const { inspectPasswordLink } = await import("../lib/users/password-links");
    expect(await inspectPasswordLink(tokenOf(link.data.url))).toEqual({ state: "expired" });
    const used = await call(null, "POST /api/v1/set-password", { body: { token: tokenOf(link.data.url), password: "too-late-password" } });
    expect([used.status, used.error?.code]).toEqual([410, "LINK_EXPIRED"]);
  });

  it("work once even when submitted twice at the same time, and a newer link replaces an older one", async () => {
    const userId = await createAccount("VIEWER");
    const first = await call<PasswordLink>(adminId, "POST /api/v1/users/{id}/password-link", { params: { id: userId } });
    const second = await call<PasswordLink>(adminId, "POST /api/v1/users/{id}/password-link", { params: { id: userId } });
    const stale = await call(null, "POST /api/v1/set-password", {
      body: { token: tokenOf(first.data.url), password: "old-link-password" },
    });
    expect([stale.status, stale.error?.code]).toEqual([410, "LINK_INVALID"]);
    const token = tokenOf(second.data.url);
    const answers = await Promise.all(
      ["first-racer-pass", "second-racer-pass"].map((password) => call(null, "POST /api/v1/set-password", { body: { token, password } })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 410]);
    expect(await auditOf("user.password_link", userId)).toHaveLength(2);
    expect(await auditOf("user.password_set", userId)).toHaveLength(1);
  });

  it("refuse a made-up token and a too short password", async () => {
    const madeUp = await call(null, "POST /api/v1/set-password", { body: { token: "A".repeat(43), password: "long-enough-pass" } });
    expect([madeUp.status, madeUp.error?.code]).toEqual([410, "LINK_INVALID"]);
    const short = await call(null, "POST /api/v1/set-password", { body: { token: "A".repeat(43), password: "short" } });
    expect([short.status, short.error?.code]).toEqual([422, "VALIDATION_FAILED"]);
  });
});

describe("the last active ADMIN", () => {
  it("cannot be demoted or deactivated (409 LAST_ADMIN); with another ADMIN it can", async () => {
    const { db } = database;
    // Only `adminId` is an active ADMIN here.
    await db.user.updateMany({ where: { role: "ADMIN", id: { not: adminId } }, data: { active: false } });
    for (const body of [{ role: "VIEWER" }, { active: false }]) {
      const response = await call(adminId, "PATCH /api/v1/users/{id}", { params: { id: adminId }, body });
      expect([response.status, response.error?.code]).toEqual([409, "LAST_ADMIN"]);
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: adminId } })).toMatchObject({ role: "ADMIN", active: true });

    const second = await createAccount("ADMIN");
    const demoted = await call<UserListRow>(adminId, "PATCH /api/v1/users/{id}", { params: { id: second }, body: { role: "ANALYST" } });
    expect(demoted).toMatchObject({ status: 200, data: { role: "ANALYST" } });
    const [update] = await auditOf("user.update", second);
    expect(update?.details).toEqual({ before: { role: "ADMIN" }, after: { role: "ANALYST" } });
  });

  it("survives two concurrent requests that would each remove one of the two ADMINs", async () => {
    const { db } = database;
    for (let round = 0; round < 5; round += 1) {
      await db.user.updateMany({ where: { role: "ADMIN", id: { not: adminId } }, data: { active: false } });
      const other = await createAccount("ADMIN");
      const answers = await Promise.all([
        call(adminId, "PATCH /api/v1/users/{id}", {
          params: { id: adminId },
          body: round % 2 ? { active: false } : { role: "MANAGER", businessUnit: "perfil" },
        }),
        call(adminId, "PATCH /api/v1/users/{id}", { params: { id: other }, body: { active: false } }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(answers.find((answer) => answer.status === 409)?.error?.code).toBe("LAST_ADMIN");
      expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
      // Put the test's ADMIN back for the next round.
      await db.user.update({ where: { id: adminId }, data: { role: "ADMIN", businessUnitId: null, active: true } });
    }
  });
});

describe("changing a user", () => {
  it("keeps a MANAGER's unit, drops it for an ADMIN and audits before and after", async () => {
    const userId = await createAccount("VIEWER");
    const noUnit = await call(adminId, "PATCH /api/v1/users/{id}", { params: { id: userId }, body: { role: "MANAGER" } });
    expect([noUnit.status, noUnit.error?.code]).toEqual([422, "UNIT_REQUIRED"]);
    const manager = await call<UserListRow>(adminId, "PATCH /api/v1/users/{id}", {
      params: { id: userId },
      body: { role: "MANAGER", businessUnit: "orglight", name: "Max" },
    });
    expect(manager.data).toMatchObject({ role: "MANAGER", name: "Max", businessUnit: { slug: "orglight" } });
    const admin = await call<UserListRow>(adminId, "PATCH /api/v1/users/{id}", { params: { id: userId }, body: { role: "ADMIN" } });
    expect(admin.data).toMatchObject({ role: "ADMIN", businessUnit: null });
    const updates = await auditOf("user.update", userId);
    expect(updates.map((event) => event.details)).toEqual([
      {
        before: { name: "User " + counter.toString(), role: "VIEWER", businessUnit: null },
        after: { name: "Max", role: "MANAGER", businessUnit: "orglight" },
      },
      { before: { role: "MANAGER", businessUnit: "orglight" }, after: { role: "ADMIN", businessUnit: null } },
    ]);
    const missing = await call(adminId, "PATCH /api/v1/users/{id}", { params: { id: "nobody" }, body: { active: false } });
    expect(missing.status).toBe(404);
  });

  it("deactivation ends the user's session and API tokens at once; reactivation restores them", async () => {
    const userId = await createAccount("ANALYST", "perfil");
    const user = (await loadSessionUser(userId))!;
    const { token } = await createToken(user, { name: "script", expiresInDays: 30 }, {});
    const bearer = { headers: { authorization: `Bearer ${token}` } };
    expect((await call(userId, "GET /api/v1/account")).status).toBe(200);
    expect((await call(null, "GET /api/v1/account", bearer)).status).toBe(200);

    const off = await call(adminId, "PATCH /api/v1/users/{id}", { params: { id: userId }, body: { active: false } });
    expect(off.status).toBe(200);
    expect(await loadSessionUser(userId)).toBeNull();
    expect((await call(userId, "GET /api/v1/account")).status).toBe(401);
    const refused = await call(null, "GET /api/v1/account", bearer);
    expect([refused.status, refused.error?.code]).toEqual([401, "UNAUTHORIZED"]);
    expect(await auditOf("user.deactivate", userId)).toHaveLength(1);

    await call(adminId, "PATCH /api/v1/users/{id}", { params: { id: userId }, body: { active: true } });
    expect((await call(null, "GET /api/v1/account", bearer)).status).toBe(200);
    expect(await auditOf("user.reactivate", userId)).toHaveLength(1);
  });
});

describe("the user list", () => {
  it("filters by text, role, unit and active state", async () => {
    const emails = async (query: Record<string, string>) =>
      (await call<UserListRow[]>(adminId, "GET /api/v1/users", { query })).data.map((row) => row.email).sort();
    const all = await emails({});
    expect(all.length).toBeGreaterThan(5);
    expect(await emails({ q: "PIA" })).toEqual(["pia@x.test"]);
    expect(await emails({ role: "MANAGER", unit: "perfil" })).toContain("pia@x.test");
    expect(await emails({ unit: "none", role: "MANAGER" })).toEqual([]);
    const inactive = await emails({ active: "false" });
    expect(inactive.length).toBeGreaterThan(0);
    const active = await emails({ active: "true" });
    expect(active.filter((email) => inactive.includes(email))).toEqual([]);
    expect((await call(adminId, "GET /api/v1/users", { query: { role: "KING" } })).status).toBe(422);
  });
});

describe("changing one's own password", () => {
  it("needs the current password (403 WRONG_PASSWORD), a long enough new one (422), and then works", async () => {
    const userId = await createAccount("VIEWER", null, "old-password-1");
    const change = (body: object) => call(userId, "PUT /api/v1/account/password", { body, headers: { "x-forwarded-for": "198.51.100.4" } });
    const wrong = await change({ currentPassword: "not-it-at-all", newPassword: "new-password-1" });
    expect([wrong.status, wrong.error?.code]).toEqual([403, "WRONG_PASSWORD"]);
    const short = await change({ currentPassword: "old-password-1", newPassword: "short" });
    expect([short.status, short.error?.code]).toEqual([422, "VALIDATION_FAILED"]);
    const same = await change({ currentPassword: "old-password-1", newPassword: "old-password-1" });
    expect([same.status, same.error?.code]).toEqual([422, "PASSWORD_UNCHANGED"]);
    expect(await change({ currentPassword: "old-password-1", newPassword: "new-password-1" })).toMatchObject({
      status: 200,
      data: { changed: true },
    });
    const stored = await database.db.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
    expect(await bcrypt.compare("new-password-1", stored.passwordHash)).toBe(true);
    expect(await auditOf("user.password_change", userId)).toHaveLength(1);
    expect((await call(null, "PUT /api/v1/account/password", { body: { currentPassword: "x", newPassword: "y".repeat(12) } })).status).toBe(
      401,
    );
  });
});

describe("the sign-in audit", () => {
  const provider = authOptions.providers[0] as unknown as {
    options: { authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown> };
  };
  const signIn = (email: string, password: string, ip: string) =>
    provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": ip } }).catch((error: Error) => error.message);

  it("records success, failure (with the account when it exists) and throttling, with the address", async () => {
    const userId = await createAccount("VIEWER", "orglight", "right-password");
    const email = (await database.db.user.findUniqueOrThrow({ where: { id: userId } })).email;
    expect(await signIn(email, "right-password", "192.0.2.10")).toMatchObject({ id: userId });
    expect(await signIn(email, "wrong-password", "192.0.2.11")).toBeNull();
    expect(await signIn("ghost@x.test", "whatever-pass", "192.0.2.12")).toBeNull();
    for (let attempt = 0; attempt < 5; attempt += 1) await signIn(email, "wrong-password", "192.0.2.13");
    expect(await signIn(email, "right-password", "192.0.2.13")).toMatch(/^THROTTLED:/);

    const [success] = await auditOf("signin.success", userId);
    expect(success).toMatchObject({ actorId: userId, ip: "192.0.2.10", businessUnitId: units.orglight!.id, details: { email } });
    const failures = await auditOf("signin.failure");
    expect(failures.find((event) => event.ip === "192.0.2.11")).toMatchObject({ actorId: userId, details: { email } });
    expect(failures.find((event) => event.ip === "192.0.2.12")).toMatchObject({ actorId: null, details: { email: "ghost@x.test" } });
    const throttled = await auditOf("signin.throttled", userId);
    expect(throttled.length).toBeGreaterThan(0);
    for (const event of throttled) expect(event).toMatchObject({ actorId: userId, ip: "192.0.2.13", details: { email } });
  });
});
