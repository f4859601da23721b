import { randomUUID } from "node:crypto";

import { expect, test, type APIRequestContext, type request as requestFactory } from "@playwright/test";
import bcrypt from "bcryptjs";
import pg from "pg";

import { mintApiToken } from "../../lib/server/auth/api-token-format";
import { E2E_PG_PORT } from "../../playwright.config";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "pulseboard-demo";

export const DEMO_USERS = {
  ADMIN: "admin@pulseboard.local",
  MANAGER: "manager@pulseboard.local",
  ANALYST: "analyst@pulseboard.local",
  VIEWER: "viewer@pulseboard.local",
} as const;

export type DemoRole = keyof typeof DEMO_USERS;

/** Signs in through next-auth's credentials callback, as the login form does. */
export async function signInByApi(
  request: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
  headers: Record<string, string> = {},
) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    headers,
    maxRedirects: 0,
  });
}

/** A request context of its own, signed in as `email` (the test's own `request` stays anonymous). */
export async function signedIn(playwright: typeof requestFactory, email: string): Promise<APIRequestContext> {
  const context = await playwright.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await signInByApi(context, email)).ok()).toBe(true);
  return context;
}

export async function getSession(request: APIRequestContext) {
  return (await (await request.get("/api/auth/session")).json()) as {
    user?: { email: string; role: string; businessUnitId: number | null };
  };
}

// The app's embedded database, for arranging state a test needs (extra users, sales).
export async function withAppDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `postgresql://postgres:pulseboard-local@127.0.0.1:${E2E_PG_PORT}/pulseboard` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A throwaway user, so tests that lock or change an account never touch the demo users. */
export async function createUser(role: DemoRole, password = "temporary-pass-1") {
  const email = `e2e-${randomUUID().slice(0, 8)}@pulseboard.local`;
  const hash = await bcrypt.hash(password, 4);
  await withAppDatabase((client) =>
    client.query(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [
      randomUUID(),
      email,
      `E2E ${role}`,
      role,
      hash,
    ]),
  );
  return { email, password };
}

export async function updateUser(email: string, changes: { active?: boolean; role?: DemoRole }) {
  await withAppDatabase(async (client) => {
    if (changes.active !== undefined) await client.query(`UPDATE "User" SET active = $1 WHERE email = $2`, [changes.active, email]);
    if (changes.role !== undefined) await client.query(`UPDATE "User" SET role = $1 WHERE email = $2`, [changes.role, email]);
  });
}

export async function readUserLocale(email: string): Promise<string | undefined> {
  return withAppDatabase(async (client) => {
    const { rows } = await client.query<{ locale: string }>(`SELECT locale FROM "User" WHERE email = $1`, [email]);
    return rows[0]?.locale;
  });
}

/** An API token for `email`, stored as the app stores it (only its SHA-256). */
export async function createApiTokenFor(email: string, { revoked = false } = {}): Promise<string> {
  const { token, prefix, tokenHash } = mintApiToken();
  await withAppDatabase((client) =>
    client.query(
      `INSERT INTO "ApiToken" (id, name, prefix, "tokenHash", "userId", "revokedAt")
       SELECT $1, 'e2e', $2, $3, id, $4 FROM "User" WHERE email = $5`,
      [randomUUID(), prefix, tokenHash, revoked ? new Date() : null, email],
    ),
  );
  return token;
}
