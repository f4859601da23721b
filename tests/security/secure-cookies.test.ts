// Session cookies are Secure whenever the app is served over https, even with NEXTAUTH_URL unset:
// `npm start` on a deployment lets next-auth read the forwarded host and protocol instead of
// pinning http://localhost. Asserted through next-auth's own handler and the app's auth options.
import { createRequire } from "node:module";
import path from "node:path";

import type { AuthOptions } from "next-auth";
import { afterEach, describe, expect, it, vi } from "vitest";

import { authOptions } from "../../lib/server/auth/options";
import { authUrlSettings, parseEnv } from "../../lib/server/env";

// next-auth's framework-free core (what its route handler calls); its package exports hide the path.
type Cookie = { name: string; options: { secure?: boolean } };
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: (params: { req: Request; options: AuthOptions }) => Promise<{ cookies?: Cookie[] }>;
};

const SECRETS = {
  NEXTAUTH_SECRET: "a-real-secret-of-32-characters!!",
  CRON_SECRET: "a-real-cron-secret",
  PUSHER_SECRET: "a-real-pusher-secret",
};

/** The cookies next-auth sets on `GET /api/auth/csrf` under the environment `npm start` would give the app. */
async function csrfCookies(settings: Record<string, string>, headers: Record<string, string>) {
  vi.stubEnv("NEXTAUTH_URL", settings.NEXTAUTH_URL ?? "");
  vi.stubEnv("AUTH_TRUST_HOST", settings.AUTH_TRUST_HOST ?? "");
  const response = await AuthHandler({
    req: new Request("http://internal/api/auth/csrf", { headers }),
    options: { ...authOptions, secret: SECRETS.NEXTAUTH_SECRET },
  });
  return (response.cookies ?? []).map((cookie) => ({ name: cookie.name, secure: cookie.options.secure === true }));
}

afterEach(() => vi.unstubAllEnvs());

describe("secure cookies", () => {
  it("are Secure on a deployment behind an https proxy with NEXTAUTH_URL unset", async () => {
    const settings = authUrlSettings(parseEnv({ DATABASE_URL: "postgresql://u:p@db.example.com/app", ...SECRETS }), false);
    expect(settings).toEqual({ AUTH_TRUST_HOST: "true" });
    const cookies = await csrfCookies(settings, {
      host: "10.0.0.5:3000",
      "x-forwarded-host": "bi.example.com",
      "x-forwarded-proto": "https",
    });
    expect(cookies).toContainEqual({ name: "__Host-next-auth.csrf-token", secure: true });
    expect(cookies.filter((cookie) => !cookie.secure)).toEqual([]);
  });

  it("stay plain on the local embedded database, which is http://localhost", async () => {
    const settings = authUrlSettings(parseEnv({}), true);
    expect(settings).toEqual({ NEXTAUTH_URL: "http://localhost:3000" });
    expect(await csrfCookies(settings, { host: "localhost:3000" })).toContainEqual({ name: "next-auth.csrf-token", secure: false });
  });

  it("follow an explicit https NEXTAUTH_URL", async () => {
    const configured = parseEnv({
      DATABASE_URL: "postgresql://u:p@db.example.com/app",
      NEXTAUTH_URL: "https://bi.example.com",
      ...SECRETS,
    });
    expect(authUrlSettings(configured, false)).toEqual({});
    const cookies = await csrfCookies({ NEXTAUTH_URL: "https://bi.example.com" }, { host: "10.0.0.5:3000" });
    expect(cookies).toContainEqual({ name: "__Host-next-auth.csrf-token", secure: true });
    expect(cookies.filter((cookie) => !cookie.secure)).toEqual([]);
  });
});
