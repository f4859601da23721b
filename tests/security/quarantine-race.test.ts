// Fix-and-reprocess runs off the request: the row is claimed by a queued one-row run and
// marked REPROCESSED in that run's load. A discard racing it, or a second reprocess, gets 409,
// and a discarded row never has its sale loaded behind the reviewer's back.
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
// Work the route hands to `after` waits here until the test lets it run.
const deferred: (() => Promise<unknown>)[] = [];
vi.mock("next/server", async (original) => ({
  ...(await original<object>()),
  after: (task: () => Promise<unknown>) => void deferred.push(task),
}));
const runDeferred = () => Promise.all(deferred.splice(0).map((task) => task()));
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

// The crafted file's rejects: an empty date (T-3), 30 February (T-5), a quantity of "two" (T-4).
const FIXES = { MISSING_FIELD: { order_date: "2026-05-01" }, BAD_DATE: { order_date: "2026-03-01" }, BAD_NUMBER: { quantity: "2" } };

async function pendingRow(reasonCode: keyof typeof FIXES) {
  const row = await database.db.quarantinedRow.findFirstOrThrow({ where: { reasonCode, status: "PENDING" } });
  const canonical = row.canonical as Record<string, string>;
  return { row, canonical, fixed: { canonical: { ...canonical, ...FIXES[reasonCode] } } };
}

const salesOf = (orderId: string) => database.db.sale.count({ where: { orderId } });

describe("quarantine review under concurrency", () => {
  it("answers a reprocess with a queued run, and holds the row for it until the load marks it", async () => {
    const { discardQuarantined, reprocessQuarantined } = await import("../../lib/pipeline/quarantine");
    const { row, canonical, fixed } = await pendingRow("MISSING_FIELD");

    const runId = await reprocessQuarantined(reviewer, row.id, fixed);
    expect(await database.db.pipelineRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "QUEUED" });
    // While the run is queued, the row is neither discarded nor reprocessed twice.
    await expect(discardQuarantined(reviewer, row.id)).rejects.toMatchObject({ status: 409 });
    await expect(reprocessQuarantined(reviewer, row.id, fixed)).rejects.toMatchObject({ status: 409 });
    expect(await database.db.pipelineRun.count({ where: { source: "REPROCESS" } })).toBe(1);

    await runDeferred();
    expect(await database.db.pipelineRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({
      status: "SUCCEEDED",
      rowsValid: 1,
    });
    expect(await database.db.quarantinedRow.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "REPROCESSED",
      resolvedById: reviewer.id,
    });
    expect(await salesOf(canonical.order_id!)).toBe(1);
    await expect(discardQuarantined(reviewer, row.id)).rejects.toMatchObject({ status: 409 });
  });

  it("lets a discard and a reprocess of one row race: one wins, the other gets 409", async () => {
    const { discardQuarantined, reprocessQuarantined } = await import("../../lib/pipeline/quarantine");
    const { row, canonical, fixed } = await pendingRow("BAD_DATE");
    const runsBefore = await database.db.pipelineRun.count();
    const [reprocessed, discarded] = await Promise.allSettled([
      reprocessQuarantined(reviewer, row.id, fixed),
      discardQuarantined(reviewer, row.id),
    ]);
    expect([reprocessed.status, discarded.status].sort()).toEqual(["fulfilled", "rejected"]);
    const loser = [reprocessed, discarded].find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ status: 409 });
    await runDeferred();

    const { status } = await database.db.quarantinedRow.findUniqueOrThrow({ where: { id: row.id } });
    if (discarded.status === "fulfilled") {
      expect(status).toBe("DISCARDED");
      expect(await salesOf(canonical.order_id!)).toBe(0);
      // The losing reprocess left no run behind.
      expect(await database.db.pipelineRun.count()).toBe(runsBefore);
    } else {
      expect(status).toBe("REPROCESSED");
      expect(await salesOf(canonical.order_id!)).toBe(1);
    }
  });

  it("releases the row when its fix is rejected again, so it can be fixed once more", async () => {
    const { reprocessQuarantined } = await import("../../lib/pipeline/quarantine");
    const { row, canonical, fixed } = await pendingRow("BAD_NUMBER");
    const firstRun = await reprocessQuarantined(reviewer, row.id, { canonical: { ...fixed.canonical, quantity: "still two" } });
    await runDeferred();
    expect(await database.db.pipelineRun.findUniqueOrThrow({ where: { id: firstRun } })).toMatchObject({ rowsValid: 0 });
    expect(await database.db.quarantinedRow.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "PENDING" });

    await reprocessQuarantined(reviewer, row.id, fixed);
    await runDeferred();
    expect(await database.db.quarantinedRow.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "REPROCESSED" });
    expect(await salesOf(canonical.order_id!)).toBe(1);
  });
});
