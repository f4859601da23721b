// Default secrets and demo accounts belong on a developer's machine (the embedded database) or a
// declared demo, never on a deployment that merely forgot to configure them.
import bcrypt from "bcryptjs";
import { describe, expect, it, vi } from "vitest";

import { allowsDemoDefaults, defaultSecretsIn, parseEnv, shouldSeedDemoData, trustsProxy } from "../../lib/server/env";
import { createTestDatabase } from "../helpers/database";

const EXTERNAL_LOOPBACK = "postgresql://u:p@127.0.0.1:5432/app";
const REAL_SECRETS = {
  NEXTAUTH_SECRET: "a-real-secret-of-32-characters!!",
  CRON_SECRET: "another-real-secret",
  PUSHER_SECRET: "pusher-real",
};

describe("default secrets and demo data outside local mode", () => {
  it("refuses production with the default secrets even when the external database is on loopback", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: EXTERNAL_LOOPBACK })).toThrow(/default secrets/);
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: EXTERNAL_LOOPBACK, ...REAL_SECRETS })).not.toThrow();
  });

  it("allows them for a declared demo only", () => {
    const demo = parseEnv({ NODE_ENV: "production", DATABASE_URL: EXTERNAL_LOOPBACK, PULSEBOARD_DEMO: "1" });
    expect(allowsDemoDefaults(demo)).toBe(true);
    expect(defaultSecretsIn(demo)).toEqual(["NEXTAUTH_SECRET", "CRON_SECRET", "PUSHER_SECRET"]);
  });

  it("seeds demo users into an empty database only locally, in a demo, or when told", () => {
    expect(shouldSeedDemoData(parseEnv({}))).toBe(true);
    expect(shouldSeedDemoData(parseEnv({ PULSEBOARD_EMBEDDED: "1", DATABASE_URL: EXTERNAL_LOOPBACK }))).toBe(true);
    expect(shouldSeedDemoData(parseEnv({ DATABASE_URL: EXTERNAL_LOOPBACK, ...REAL_SECRETS }))).toBe(false);
    expect(shouldSeedDemoData(parseEnv({ DATABASE_URL: "postgresql://u:p@db.example.com/app", PULSEBOARD_DEMO: "true" }))).toBe(true);
    expect(
      shouldSeedDemoData(parseEnv({ DATABASE_URL: "postgresql://u:p@db.example.com/app", SEED_DEMO_DATA: "true", ...REAL_SECRETS })),
    ).toBe(true);
  });

  it("believes forwarded headers only when told, or on Vercel", () => {
    expect(trustsProxy(parseEnv({}))).toBe(false);
    expect(trustsProxy(parseEnv({ VERCEL: "1" }))).toBe(true);
    expect(trustsProxy(parseEnv({ VERCEL: "1", TRUST_PROXY: "false" }))).toBe(false);
    expect(trustsProxy(parseEnv({ TRUST_PROXY: "true" }))).toBe(true);
  });

  it("gives a deployment's demo accounts a generated password, printed once, never the public one", async () => {
    const database = await createTestDatabase();
    vi.stubEnv("DATABASE_URL", database.url);
    vi.resetModules();
    try {
      const { seedDemoData } = await import("../../lib/seed/seed-demo-data");
      const lines: string[] = [];
      await seedDemoData(database.url, { lines: 200, log: (line) => lines.push(line) });
      const printed = lines.filter((line) => line.includes("password:"));
      expect(printed).toHaveLength(1);
      const password = /password: (\S+)$/.exec(printed[0]!)?.[1] ?? "";
      expect(password).toMatch(/^[\w-]{16}$/);
      const admin = await database.db.user.findUniqueOrThrow({ where: { email: "admin@pulseboard.local" }, omit: { passwordHash: false } });
      expect(await bcrypt.compare(password, admin.passwordHash)).toBe(true);
      expect(await bcrypt.compare("pulseboard-demo", admin.passwordHash)).toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
