// API tokens end to end: created through the API from a signed-in session, used with nothing but
// `Authorization: Bearer` (as the README's curl does), refused with 401 once revoked or once its
// owner is deactivated.
import { expect, test, type APIRequestContext, type request as requestFactory } from "@playwright/test";

import { createUser, DEMO_USERS, signedIn, signInByApi } from "../helpers/accounts";

interface Envelope<T> {
  data: T;
  error: { code: string } | null;
}

async function createToken(session: APIRequestContext, name: string) {
  const response = await session.post("/api/v1/tokens", { data: { name, expiresInDays: 30 } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as Envelope<{ id: string; token: string; prefix: string }>).data;
}

/** A context that sends only the bearer token: no cookie, as a script would. */
function bearerOnly(playwright: typeof requestFactory, baseURL: string | undefined, token: string) {
  return playwright.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

test("an admin creates a token, a Bearer-only request works, and after revoking it gets 401", async ({ playwright, baseURL }) => {
  const admin = await signedIn(playwright.request, DEMO_USERS.ADMIN);
  const { id, token, prefix } = await createToken(admin, `e2e ${test.info().project.name}`);
  expect(token.startsWith(`pb_${prefix}_`)).toBe(true);

  const script = await bearerOnly(playwright.request, baseURL, token);
  const stats = await script.get("/api/stats");
  expect(stats.status()).toBe(200);
  expect(((await stats.json()) as Envelope<{ count: number }>).data).toHaveProperty("count");

  const listed = (await (await admin.get("/api/v1/tokens")).json()) as Envelope<{ id: string; lastUsedAt: string | null }[]>;
  expect(listed.data.find((row) => row.id === id)?.lastUsedAt).not.toBeNull();

  expect((await admin.delete(`/api/v1/tokens/${id}`)).status()).toBe(200);
  const refused = await script.get("/api/stats");
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as Envelope<null>).error?.code).toBe("UNAUTHORIZED");
});

test("a deactivated owner's token gets 401 at once", async ({ playwright, baseURL, request }) => {
  const owner = await createUser("ANALYST");
  const session = await playwright.request.newContext({ baseURL });
  expect((await signInByApi(session, owner.email, owner.password)).ok()).toBe(true);
  const { token } = await createToken(session, "leaver's script");
  const script = await bearerOnly(playwright.request, baseURL, token);
  expect((await script.get("/api/stats")).status()).toBe(200);

  await signInByApi(request, DEMO_USERS.ADMIN);
  const users = (await (await request.get("/api/v1/users", { params: { q: owner.email } })).json()) as Envelope<{ id: string }[]>;
  expect(users.data).toHaveLength(1);
  expect((await request.patch(`/api/v1/users/${users.data[0]!.id}`, { data: { active: false } })).status()).toBe(200);

  expect((await script.get("/api/stats")).status()).toBe(401);
  expect((await session.get("/api/v1/account")).status()).toBe(401);
});
