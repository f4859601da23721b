import { expect, test } from "@playwright/test";

import { createApiTokenFor, createUser, DEMO_USERS, getSession, signInByApi, updateUser, type DemoRole } from "../helpers/accounts";

test.describe("sign-in through next-auth", () => {
  for (const [role, email] of Object.entries(DEMO_USERS)) {
    test(`${role} signs in and the session carries the role`, async ({ request }) => {
      await signInByApi(request, email);
      const session = await getSession(request);
      expect(session.user?.email).toBe(email);
      expect(session.user?.role).toBe(role);
    });
  }

  test("the Orglight manager's session carries its business-unit scope", async ({ request }) => {
    await signInByApi(request, DEMO_USERS.MANAGER);
    expect((await getSession(request)).user?.businessUnitId).toEqual(expect.any(Number));
    await signInByApi(request, DEMO_USERS.ANALYST);
    expect((await getSession(request)).user?.businessUnitId).toBeNull();
  });

  test("a wrong password does not sign in", async ({ request }) => {
    const response = await signInByApi(request, DEMO_USERS.ADMIN, "not-the-password");
    expect((await response.json()).url).toContain("error=CredentialsSignin");
    expect((await getSession(request)).user).toBeUndefined();
  });

  test("repeated failures throttle the account, even for the right password", async ({ request }) => {
    const user = await createUser("VIEWER");
    const headers = { "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
    for (let attempt = 0; attempt < 5; attempt += 1) await signInByApi(request, user.email, "wrong-password", headers);
    const response = await signInByApi(request, user.email, user.password, headers);
    const body = await response.json();
    expect(body.url).toContain("error=THROTTLED");
    expect((await getSession(request)).user).toBeUndefined();
  });
});

test.describe("GET /api/v1/users", () => {
  test("answers 401 in the envelope for an anonymous caller", async ({ request }) => {
    const response = await request.get("/api/v1/users");
    expect(response.status()).toBe(401);
    const body = await response.json();
    expect(body.error.code).toBe("UNAUTHORIZED");
    expect(body.data).toBeNull();
  });

  test("gives ADMIN the users without password hashes", async ({ request }) => {
    await signInByApi(request, DEMO_USERS.ADMIN);
    const response = await request.get("/api/v1/users");
    expect(response.status()).toBe(200);
    const { data } = await response.json();
    const emails = data.map((user: { email: string }) => user.email);
    for (const email of Object.values(DEMO_USERS)) expect(emails).toContain(email);
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  for (const role of ["MANAGER", "ANALYST", "VIEWER"] as DemoRole[]) {
    test(`answers 403 to ${role}`, async ({ request }) => {
      await signInByApi(request, DEMO_USERS[role]);
      const response = await request.get("/api/v1/users");
      expect(response.status()).toBe(403);
      expect((await response.json()).error.code).toBe("FORBIDDEN");
    });
  }

  test("accepts an API token as a bearer, with its user's role", async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${await createApiTokenFor(DEMO_USERS.ADMIN)}` },
    });
    expect((await admin.get("/api/v1/users")).status()).toBe(200);
    const viewer = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${await createApiTokenFor(DEMO_USERS.VIEWER)}` },
    });
    expect((await viewer.get("/api/v1/users")).status()).toBe(403);
  });

  test("refuses a revoked or made-up API token with 401", async ({ playwright, baseURL }) => {
    for (const token of [await createApiTokenFor(DEMO_USERS.ADMIN, { revoked: true }), "pb_deadbeef_not-a-real-token-at-all-0000000000"]) {
      const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
      const response = await context.get("/api/v1/users");
      expect(response.status()).toBe(401);
      expect((await response.json()).error.code).toBe("UNAUTHORIZED");
    }
  });

  test("a deactivated user or changed role takes effect at once", async ({ request }) => {
    const user = await createUser("ADMIN");
    await signInByApi(request, user.email, user.password);
    expect((await request.get("/api/v1/users")).status()).toBe(200);
    await updateUser(user.email, { role: "VIEWER" });
    expect((await request.get("/api/v1/users")).status()).toBe(403);
    await updateUser(user.email, { role: "ADMIN", active: false });
    expect((await request.get("/api/v1/users")).status()).toBe(401);
  });
});

test.describe("gated pages", () => {
  test("redirect an anonymous visitor to /login with the way back", async ({ request }) => {
    const response = await request.get("/pipeline?x=1", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toContain("/login?callbackUrl=%2Fpipeline%3Fx%3D1");
  });

  const forbidden: [DemoRole, string][] = [
    ["VIEWER", "/pipeline"],
    ["VIEWER", "/explorer"],
    ["ANALYST", "/admin/users"],
    ["MANAGER", "/notifications"],
  ];
  for (const [role, path] of forbidden) {
    test(`answer 403 to ${role} on ${path}`, async ({ request }) => {
      await signInByApi(request, DEMO_USERS[role]);
      const response = await request.get(path);
      expect(response.status()).toBe(403);
    });
  }

  test("open for a role that may see them", async ({ request }) => {
    await signInByApi(request, DEMO_USERS.ANALYST);
    for (const path of ["/", "/analytics", "/pipeline", "/explorer", "/status"]) {
      expect((await request.get(path)).status(), path).toBe(200);
    }
  });
});
