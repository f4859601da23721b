import { readFileSync } from "node:fs";
import path from "node:path";

import { expect, test, type APIRequestContext } from "@playwright/test";

import { DEMO_USERS, signInByApi, withAppDatabase } from "../helpers/accounts";

const FIXTURES = path.resolve("tests/fixtures/pipeline");
const csv = (name: string) => ({ name, mimeType: "text/csv", buffer: readFileSync(path.join(FIXTURES, name)) });

async function upload(
  request: APIRequestContext,
  file: { name: string; mimeType: string; buffer: Buffer },
  fields: Record<string, string>,
) {
  return request.post("/api/v1/pipeline/runs", { multipart: { ...fields, file } });
}

async function finished(request: APIRequestContext, runId: number) {
  let run: { status: string } & Record<string, unknown> = { status: "QUEUED" };
  await expect
    .poll(
      async () => {
        run = (await (await request.get(`/api/v1/pipeline/runs/${runId}`)).json()).data;
        return run.status;
      },
      { timeout: 60_000 },
    )
    .toMatch(/SUCCEEDED|FAILED/);
  return run;
}

const sumOf = (prefix: string) =>
  withAppDatabase(async (client) => {
    const { rows } = await client.query<{ lines: number; revenue: string }>(
      `SELECT count(*)::int AS lines, sum(revenue)::text AS revenue FROM "Sale" WHERE "externalKey" LIKE $1 || ':%'`,
      [prefix],
    );
    return rows[0]!;
  });

test.describe("pipeline API", () => {
  test("a VIEWER may not upload (403) nor list runs", async ({ request }) => {
    await signInByApi(request, DEMO_USERS.VIEWER);
    expect((await upload(request, csv("every-reason.csv"), { preset: "canonical" })).status()).toBe(403);
    expect((await request.get("/api/v1/pipeline/runs")).status()).toBe(403);
    expect((await request.get("/api/v1/quarantine")).status()).toBe(403);
  });

  test("refuses a non-CSV and an empty file with a clear 4xx", async ({ request }) => {
    await signInByApi(request, DEMO_USERS.ANALYST);
    const image = await upload(
      request,
      { name: "photo.png", mimeType: "image/png", buffer: Buffer.from([137, 80, 78, 71]) },
      { preset: "canonical" },
    );
    expect(image.status()).toBe(415);
    expect((await image.json()).error.code).toBe("NOT_CSV");
    const empty = await upload(request, { name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) }, { preset: "canonical" });
    expect(empty.status()).toBe(400);
    expect((await empty.json()).error.code).toBe("EMPTY_FILE");
  });

  test("uploads the three public datasets with their published totals; a reload changes nothing", async ({ request }) => {
    test.setTimeout(120_000);
    await signInByApi(request, DEMO_USERS.ANALYST);
    const mapping = readFileSync(path.join(FIXTURES, "sales-data-sample.mapping.json"), "utf8");
    const cases: { file: string; fields: Record<string, string>; prefix: string; lines: number; revenue: string }[] = [
      { file: "superstore.csv", fields: { preset: "superstore" }, prefix: "superstore", lines: 9_994, revenue: "2297200.8603" },
      {
        file: "supermarket_sales.csv",
        fields: { preset: "supermarket-sales" },
        prefix: "supermarket",
        lines: 1_000,
        revenue: "322966.7490",
      },
      { file: "sales_data_sample.csv", fields: { mapping }, prefix: "classic-models", lines: 2_823, revenue: "10032628.8500" },
    ];
    for (const item of cases) {
      for (const attempt of [1, 2]) {
        const response = await upload(request, csv(item.file), item.fields);
        expect(response.status()).toBe(202);
        const run = await finished(request, (await response.json()).data.runId);
        expect(run).toMatchObject({ status: "SUCCEEDED", rowsRead: item.lines, rowsValid: item.lines, rowsRejected: 0 });
        if (attempt === 2) expect(run).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: item.lines });
      }
      expect(await sumOf(item.prefix)).toEqual({ lines: item.lines, revenue: item.revenue });
    }
  });

  test("a run's logs and rejected rows are readable through the API", async ({ request }) => {
    await signInByApi(request, DEMO_USERS.ANALYST);
    const response = await upload(request, csv("every-reason.csv"), { preset: "canonical", dryRun: "true" });
    const { runId } = (await response.json()).data;
    const run = await finished(request, runId);
    expect(run).toMatchObject({ status: "SUCCEEDED", dryRun: true, rowsRead: 14, rowsRejected: 10 });
    const logs = (await (await request.get(`/api/v1/pipeline/runs/${runId}/logs`)).json()).data as { message: string }[];
    expect(logs.at(-1)?.message).toMatch(/^done: 14 read/);
    const rejected = (await (await request.get(`/api/v1/quarantine?runId=${runId}`)).json()).data as { reasonCode: string }[];
    expect(rejected).toHaveLength(10);
  });
});
