import { describe, expect, it } from "vitest";

import { parseEnv } from "../lib/server/env";

describe("environment validation", () => {
  it("fills the local defaults used when nothing is configured", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.EMBEDDED_PG_PORT).toBe(54329);
    expect(env.PUSHER_PORT).toBe(6001);
    expect(env.PUSHER_APP_ID).toBe("pulseboard");
    expect(env.PUSHER_KEY).toBe("pulseboard-key");
    expect(env.CRON_SECRET).toBe("pulseboard-cron-secret");
    expect(env.DEMO_PASSWORD).toBeUndefined();
    expect(env.CURRENCY).toBe("KES");
    expect(env.VAT_RATE).toBe(0.15);
  });

  it("names every bad variable in one clear message", () => {
    expect(() => parseEnv({ PORT: "eighty", CURRENCY: "shillings", DATABASE_URL: "mysql://x" })).toThrow(
      /Invalid environment variables:[\s\S]*PORT[\s\S]*DATABASE_URL[\s\S]*CURRENCY/,
    );
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });

  it("refuses default secrets in production with an external database", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@db.example.com:5432/app" };
    expect(() => parseEnv(production)).toThrow(/default secrets: set NEXTAUTH_SECRET, CRON_SECRET, PUSHER_SECRET/);
    expect(() =>
      parseEnv({
        ...production,
        NEXTAUTH_SECRET: "a-real-secret-of-32-characters!!",
        CRON_SECRET: "another-real-secret",
        PUSHER_SECRET: "pusher-real",
      }),
    ).not.toThrow();
  });

  it("allows the defaults in local mode, even for a production build", () => {
    expect(() => parseEnv({ NODE_ENV: "production", PULSEBOARD_EMBEDDED: "1" })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "production" })).not.toThrow();
  });
});
