// Sign-in throttling, stored in the database: per (account, address), per address, and an
// account-wide slowdown that spares the owner's known address.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { createTestDatabase, type TestDatabase } from "./helpers/database";

let database: TestDatabase;
// The app's shared client, pointed at this file's database.
vi.mock("../lib/server/db", () => ({
  get db() {
    return database.db;
  },
}));

const { pruneSignInAttempts, reserveSignInAttempt, settleSignInAttempt } = await import("../lib/server/auth/throttle");
const { env } = await import("../lib/server/env");
const sweepCron = (await import("../app/api/cron/sweep-notices/route")).GET;

beforeAll(async () => {
  database = await createTestDatabase();
});

/** A password check that fails: reserved, then settled as a failure. */
async function fail(email: string, ip: string | undefined, now?: Date) {
  const gate = await reserveSignInAttempt(email, ip, now);
  if (gate.allowed) await settleSignInAttempt(gate.attemptId, email, false);
  return gate;
}

describe("sign-in throttling", () => {
  it("locks an (account, address) pair after five failures, for the window only", async () => {
    for (let i = 0; i < 5; i += 1) expect((await fail("a@x.test", "1.1.1.1")).allowed).toBe(true);
    const state = await reserveSignInAttempt("a@x.test", "1.1.1.1");
    expect(state).toMatchObject({ allowed: false });
    if (!state.allowed) expect(state.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect((await reserveSignInAttempt("a@x.test", "1.1.1.1", new Date(Date.now() + 16 * 60_000))).allowed).toBe(true);
  });

  it("throttles an address that fails across many accounts", async () => {
    for (let i = 0; i < 20; i += 1) await fail(`user${i}@x.test`, "6.6.6.6");
    expect((await reserveSignInAttempt("fresh@x.test", "6.6.6.6")).allowed).toBe(false);
    expect((await reserveSignInAttempt("fresh@x.test", "7.7.7.7")).allowed).toBe(true);
  });

  it("gives 30 parallel guesses from 30 addresses at most 5 checks; the owner gets in from its usual address", async () => {
    const owner = "owner@x.test";
    const usual = await reserveSignInAttempt(owner, "192.0.2.1");
    if (usual.allowed) await settleSignInAttempt(usual.attemptId, owner, true);

    const gates = await Promise.all(Array.from({ length: 30 }, (_, i) => reserveSignInAttempt(owner, `203.0.113.${i + 1}`)));
    expect(gates.filter((gate) => gate.allowed).length).toBeLessThanOrEqual(5);
    for (const gate of gates) if (gate.allowed) await settleSignInAttempt(gate.attemptId, owner, false);

    // From its usual address the owner is not slowed down; a new address waits its turn, never for the whole window.
    expect((await reserveSignInAttempt(owner, "192.0.2.1")).allowed).toBe(true);
    const stranger = await reserveSignInAttempt(owner, "198.51.100.7");
    expect(stranger).toMatchObject({ allowed: false });
    if (!stranger.allowed) expect(stranger.retryAfterSeconds).toBeLessThanOrEqual(2);
  });

  it("slows an account with growing delays when the address cannot be known, never locking it", async () => {
    const email = "noproxy@x.test";
    for (let i = 0; i < 5; i += 1) await fail(email, undefined);
    const start = Date.now();
    expect((await reserveSignInAttempt(email, undefined, new Date(start))).allowed).toBe(false);
    expect((await fail(email, undefined, new Date(start + 1_100))).allowed).toBe(true);
    expect((await reserveSignInAttempt(email, undefined, new Date(start + 2_000))).allowed).toBe(false);
    expect((await reserveSignInAttempt(email, undefined, new Date(start + 3_200))).allowed).toBe(true);
  });

  it("lets the same account sign in from two tabs at once", async () => {
    const email = "two-tabs@x.test";
    const gates = await Promise.all([reserveSignInAttempt(email, "2.3.4.5"), reserveSignInAttempt(email, "2.3.4.5")]);
    const ids = gates.map((gate) => (gate.allowed ? gate.attemptId : -1));
    expect(ids).not.toContain(-1);
    // Settled in the order that made the later reservation clear the earlier one.
    await settleSignInAttempt(ids[1]!, email, true);
    await settleSignInAttempt(ids[0]!, email, true);
    expect(await database.db.signInAttempt.count({ where: { email, succeeded: false } })).toBe(0);
  });

  it("clears an account's failures after a success, and prunes old attempts", async () => {
    for (let i = 0; i < 3; i += 1) await fail("b@x.test", "2.2.2.2");
    const gate = await reserveSignInAttempt("b@x.test", "2.2.2.2");
    if (gate.allowed) await settleSignInAttempt(gate.attemptId, "b@x.test", true);
    expect(await database.db.signInAttempt.count({ where: { email: "b@x.test", succeeded: false } })).toBe(0);
    expect(await pruneSignInAttempts(new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThan(0);
    expect(await database.db.signInAttempt.count()).toBe(0);
  });

  it("leaves pruning to the sweep cron, not to each sign-in", async () => {
    await database.db.signInAttempt.create({
      data: { email: "old@x.test", ip: "3.3.3.3", succeeded: false, createdAt: new Date(Date.now() - 2 * 86_400_000) },
    });
    const request = new NextRequest("http://localhost/api/cron/sweep-notices", { headers: { authorization: `Bearer ${env.CRON_SECRET}` } });
    const response = await sweepCron(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { signInAttemptsPruned: number } }).data.signInAttemptsPruned).toBe(1);
    expect(await database.db.signInAttempt.count({ where: { email: "old@x.test" } })).toBe(0);
  });
});
