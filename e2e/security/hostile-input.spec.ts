// Hostile uploads fail fast with a reason while the app keeps answering; the invoice generator
// refuses a flood; a quarantined row under reprocess cannot be discarded behind it.
import { expect, test, type APIRequestContext } from "@playwright/test";

import { DEMO_USERS, signInByApi, withAppDatabase } from "../helpers/accounts";

const HEADER =
  "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,product_name,quantity,unit_price,unit_cost\n";
const MB = 1024 * 1024;

async function finished(request: APIRequestContext, runId: number, timeout: number) {
  let run: { status: string; error: string | null; rowsInserted: number } = { status: "QUEUED", error: null, rowsInserted: 0 };
  await expect
    .poll(
      async () => {
        run = (await (await request.get(`/api/v1/pipeline/runs/${runId}`)).json()).data;
        return run.status;
      },
      { timeout, intervals: [100, 250] },
    )
    .toMatch(/SUCCEEDED|FAILED/);
  return run;
}

for (const [name, body, reason] of [
  ["no newline", "x".repeat(6 * MB), "line 2: a record is longer than 1 MiB"],
  ["only commas", ",".repeat(6 * MB), "line 2: more than 500 fields"],
] as const) {
  test(`a 6 MB file of ${name} fails within 10 s with its reason; /api/health stays fast`, async ({ request, playwright, baseURL }) => {
    await signInByApi(request, DEMO_USERS.ANALYST);
    const started = Date.now();
    const response = await request.post("/api/v1/pipeline/runs", {
      multipart: { preset: "canonical", file: { name: `${name}.csv`, mimeType: "text/csv", buffer: Buffer.from(HEADER + body) } },
    });
    expect(response.status()).toBe(202);
    const { runId } = (await response.json()).data as { runId: number };

    const probe = await playwright.request.newContext({ baseURL });
    const healthTimes: number[] = [];
    const run = await finished(request, runId, 10_000);
    for (let i = 0; i < 5; i += 1) {
      const before = performance.now();
      expect((await probe.get("/api/health")).ok()).toBe(true);
      healthTimes.push(performance.now() - before);
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run).toMatchObject({ status: "FAILED", rowsInserted: 0 });
    expect(run.error).toContain(reason);
    expect(Math.max(...healthTimes)).toBeLessThan(500);
    await probe.dispose();
  });
}

test("the generator refuses a start that would make more invoices than a run may", async ({ request }) => {
  await signInByApi(request, DEMO_USERS.MANAGER);
  const refused = await request.post("/api/control/start", { data: { ratePerSecond: 2_000, durationSeconds: 86_400 } });
  expect(refused.status()).toBe(422);
  const { error } = await refused.json();
  expect(error.code).toBe("VALIDATION_FAILED");
  expect(error.details).toMatchObject({ maxInvoicesPerRun: 100_000, requested: 172_800_000 });
  const status = (await (await request.get("/api/system/status")).json()).data;
  expect(JSON.stringify(status)).not.toContain('"ratePerSecond":2000');
});

test("a row queued for reprocess is not discarded behind it (409), and ends REPROCESSED", async ({ request }) => {
  await signInByApi(request, DEMO_USERS.ANALYST);
  const file = `${HEADER}SEC-Q-1,1,,orglight,Test Region,TST-A,tst-rep,tst-cust,TST-SKU-1,Widget,1,10,6\n`;
  const upload = await request.post("/api/v1/pipeline/runs", {
    multipart: { preset: "canonical", file: { name: "one-reject.csv", mimeType: "text/csv", buffer: Buffer.from(file) } },
  });
  const runId = (await upload.json()).data.runId as number;
  await finished(request, runId, 30_000);
  const [row] = (await (await request.get(`/api/v1/quarantine?runId=${runId}`)).json()).data as {
    id: number;
    canonical: Record<string, string>;
  }[];

  const reprocess = await request.post(`/api/v1/quarantine/${row!.id}/reprocess`, {
    data: { canonical: { ...row!.canonical, order_date: "2026-05-01" } },
  });
  expect(reprocess.status()).toBe(202);
  const discard = await request.post(`/api/v1/quarantine/${row!.id}/discard`);
  expect(discard.status()).toBe(409);
  expect((await discard.json()).error.code).toBe("CONFLICT");

  expect(await finished(request, (await reprocess.json()).data.runId, 30_000)).toMatchObject({ status: "SUCCEEDED" });
  const status = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ status: string }>(`SELECT status FROM "QuarantinedRow" WHERE id = $1`, [row!.id]);
    return rows[0]?.status;
  });
  expect(status).toBe("REPROCESSED");
});
