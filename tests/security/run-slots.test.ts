// A burst of loads queues for a run slot instead of loading every file at once, and each
// waiting run says its place in line.
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { createBusinessUnits } from "../helpers/business-units";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { runFile } from "../helpers/run-file";

let database: TestDatabase;
const FILE = path.resolve("tests/fixtures/pipeline/every-reason.csv");

beforeAll(async () => {
  database = await createTestDatabase();
  await createBusinessUnits(database.db);
});

describe("run slots", () => {
  it("load three files one at a time when one slot is free, and tell the waiting ones their place", async () => {
    const runs = await Promise.all([1, 2, 3].map(() => runFile(database.url, { file: FILE }, { maxConcurrentRuns: 1 })));
    expect(runs.map((run) => run.status)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED"]);
    const spans = runs.map((run) => [Date.parse(run.startedAt!), Date.parse(run.finishedAt!)] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    const waits = await database.db.pipelineLog.findMany({ where: { message: { contains: "in line" } }, select: { message: true } });
    expect(waits.length).toBeGreaterThanOrEqual(2);
    expect(waits.map((line) => line.message)).toContainEqual(expect.stringMatching(/number 1 in line/));
  });
});
