import { beforeAll, describe, expect, it, vi } from "vitest";

import { createTestDatabase, type TestDatabase } from "./helpers/database";

let database: TestDatabase;
// The app's shared client, pointed at this file's database.
vi.mock("../lib/server/db", () => ({
  get db() {
    return database.db;
  },
}));

const { getSignInThrottle, recordSignInAttempt } = await import("../lib/server/auth/throttle");

beforeAll(async () => {
  database = await createTestDatabase();
});

describe("sign-in throttling (stored in the database)", () => {
  it("lets an account fail four times, then throttles the fifth failure on", async () => {
    for (let i = 0; i < 4; i += 1) await recordSignInAttempt("a@x.test", "1.1.1.1", false);
    expect((await getSignInThrottle("a@x.test", "1.1.1.1")).throttled).toBe(false);
    await recordSignInAttempt("a@x.test", "1.1.1.1", false);
    const state = await getSignInThrottle("a@x.test", "9.9.9.9");
    expect(state.throttled).toBe(true);
    expect(state.retryAfterSeconds).toBeGreaterThan(0);
    expect(state.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("forgets failures older than the window", async () => {
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await getSignInThrottle("a@x.test", "1.1.1.1", later)).throttled).toBe(false);
  });

  it("throttles an address that fails across many accounts", async () => {
    for (let i = 0; i < 20; i += 1) await recordSignInAttempt(`user${i}@x.test`, "6.6.6.6", false);
    expect((await getSignInThrottle("fresh@x.test", "6.6.6.6")).throttled).toBe(true);
    expect((await getSignInThrottle("fresh@x.test", "7.7.7.7")).throttled).toBe(false);
  });

  it("clears an account's failures after a success", async () => {
    for (let i = 0; i < 3; i += 1) await recordSignInAttempt("b@x.test", "2.2.2.2", false);
    await recordSignInAttempt("b@x.test", "2.2.2.2", true);
    expect(await database.db.signInAttempt.count({ where: { email: "b@x.test", succeeded: false } })).toBe(0);
  });
});
