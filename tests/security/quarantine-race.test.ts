// A discard racing a fix-and-reprocess of the same quarantined row: exactly one wins, and a
// discarded row never has its sale loaded behind the reviewer's back.
import path from "node:path";

import { beforeAll, describe, expect, it, vi } from "vitest";

import { createBusinessUnits } from "../helpers/business-units";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { runFile } from "../helpers/run-file";
import { testUser } from "../helpers/test-user";

let database: TestDatabase;
vi.mock("../../lib/server/db", () => ({
  get db() {
    return database.db;
  },
}));
// Realtime publishes fail at once here, rather than reach a dev server on the default port.
vi.hoisted(() => (process.env.PUSHER_PORT = "9"));

const CRAFTED = path.resolve("tests/fixtures/pipeline/every-reason.csv");
const reviewer = testUser("ANALYST", null);

beforeAll(async () => {
  database = await createTestDatabase();
  vi.stubEnv("DATABASE_URL", database.url);
  await createBusinessUnits(database.db);
  await runFile(database.url, { file: CRAFTED });
  await database.db.user.create({
    data: { id: reviewer.id, email: reviewer.email, name: reviewer.name, role: reviewer.role, passwordHash: "x" },
  });
});

describe("quarantine review under concurrency", () => {
  it("lets a discard and a reprocess of one row race: one wins, the other gets 409", async () => {
    const { discardQuarantined, reprocessQuarantined } = await import("../../lib/pipeline/quarantine");
    const row = await database.db.quarantinedRow.findFirstOrThrow({ where: { reasonCode: "MISSING_FIELD", status: "PENDING" } });
    const canonical = { ...(row.canonical as Record<string, string>), order_date: "2026-05-01" };
    const [reprocessed, discarded] = await Promise.allSettled([
      reprocessQuarantined(reviewer, row.id, { canonical }),
      discardQuarantined(reviewer, row.id),
    ]);
    const outcomes = [reprocessed.status, discarded.status].sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const loser = [reprocessed, discarded].find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ status: 409 });

    const { status } = await database.db.quarantinedRow.findUniqueOrThrow({ where: { id: row.id } });
    const loaded = await database.db.sale.count({
      where: { orderId: row.canonical ? (row.canonical as Record<string, string>).order_id : "" },
    });
    if (status === "DISCARDED") expect(loaded).toBe(0);
    else expect(status).toBe("REPROCESSED");
  });
});
