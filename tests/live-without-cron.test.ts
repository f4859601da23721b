// On a deployment nothing ticks or refreshes in the background: the writer of sales refreshes
// and publishes the KPIs once its data is committed, an open invoice stream asks for the
// invoices due, and "run today's file" needs an inbox folder, which Vercel does not have.

import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

import type { SessionUser } from "../lib/server/auth/session-user";
import { caller, published } from "./helpers/app-mocks";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { seedDemoPeople, type DemoPeople } from "./helpers/demo-people";
import { runFile } from "./helpers/run-file";

let database: TestDatabase;
const afterResponse: (() => Promise<unknown>)[] = [];

vi.mock("../lib/server/db", async () => (await import("./helpers/app-mocks")).databaseModule(() => database));
vi.mock("../lib/server/auth/current-user", async () => (await import("./helpers/app-mocks")).callerModule());
vi.mock("../lib/realtime/publish", async (original) => (await import("./helpers/app-mocks")).publishModule(await original()));
vi.mock("next/server", async (original) => ({
  ...(await original<object>()),
  after: (task: () => Promise<unknown>) => void afterResponse.push(task),
}));
const runAfterResponse = () => Promise.all(afterResponse.splice(0).map((task) => task()));

const { env, parseEnv } = await import("../lib/server/env");
const { refreshKpisAfterWrite } = await import("../lib/kpis/refresh-after-write");
type Handler = (request: NextRequest, context: { params: Promise<Record<string, never>> }) => Promise<Response>;
const routes: Record<string, Handler> = {
  "POST /api/control/start": (await import("../app/api/control/start/route")).POST,
  "POST /api/control/stop": (await import("../app/api/control/stop/route")).POST,
  "POST /api/invoices/tick": (await import("../app/api/invoices/tick/route")).POST,
  "POST /api/v1/pipeline/inbox": (await import("../app/api/v1/pipeline/inbox/route")).POST,
};

async function call(user: SessionUser, route: string, body: unknown = {}) {
  const [method, path] = route.split(" ") as [string, string];
  const request = new NextRequest(`http://localhost${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = await caller.run(user, () => routes[route]!(request, { params: Promise.resolve({}) }));
  const json = (await response.json()) as { data: Record<string, unknown>; error: { code: string } | null };
  return { status: response.status, data: json.data, error: json.error };
}

const versions = async () =>
  Object.fromEntries(
    (await database.db.kpiSnapshot.groupBy({ by: ["scope"], _max: { version: true } })).map((row) => [row.scope, row._max.version ?? 0]),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let people: DemoPeople;
const viewer = (): SessionUser => ({ ...people.analyst, role: "VIEWER" });

beforeAll(async () => {
  database = await createTestDatabase();
  people = await seedDemoPeople(database);
  await refreshKpisAfterWrite();
}, 120_000);

describe("live without a per-minute cron", () => {
  it("refreshes KPIs on write unless npm start's listener does it", () => {
    expect(parseEnv({}).KPI_REFRESH_ON_WRITE).toBe(true);
    expect(parseEnv({ KPI_REFRESH_ON_WRITE: "false" }).KPI_REFRESH_ON_WRITE).toBe(false);
  });

  it("a viewer's tick writes the invoices due, then every scope's KPIs are refreshed and published after the response", async () => {
    expect((await call(people.admin, "POST /api/control/start", { ratePerSecond: 20, durationSeconds: 60 })).status).toBe(200);
    try {
      const before = await versions();
      await sleep(600);
      const tick = await call(viewer(), "POST /api/invoices/tick");
      expect(tick.status).toBe(200);
      expect(tick.data).toMatchObject({ ticked: true });
      expect(tick.data.inserted).toBeGreaterThanOrEqual(10);
      published.length = 0;
      await runAfterResponse();
      const after = await versions();
      for (const scope of ["all", "orglight", "perfil"]) expect(after[scope]).toBe((before[scope] ?? 0) + 1);
      expect(published.map((event) => event.channel).sort()).toEqual([
        "private-kpis",
        "private-kpis-bu-orglight",
        "private-kpis-bu-perfil",
      ]);
    } finally {
      await call(people.admin, "POST /api/control/stop");
    }
  });

  it("a load that changed sales refreshes the KPIs when it ends; a dry run or an unchanged reload does not", async () => {
    const { onRunFinished } = await import("../lib/pipeline/on-run-finished");
    const text =
      "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,product_name,quantity,unit_price,unit_cost\n" +
      `LIVE-1,1,${new Date().toISOString().slice(0, 10)},orglight,Live Region,LV-A,lv-rep,lv-cust,LV-SKU,Widget,1,100,60\n`;
    const load = (dryRun: boolean) => runFile(database.url, { text, fileName: "live.csv" }, { dryRun, onFinished: onRunFinished });
    const before = await versions();
    expect(await load(true)).toMatchObject({ status: "SUCCEEDED", rowsInserted: 1 });
    expect(await versions()).toEqual(before);
    expect(await load(false)).toMatchObject({ status: "SUCCEEDED", rowsInserted: 1 });
    const loaded = await versions();
    expect(loaded.orglight).toBe(before.orglight! + 1);
    expect(await load(false)).toMatchObject({ status: "SUCCEEDED", rowsUnchanged: 1 });
    expect(await versions()).toEqual(loaded);
  });

  it("serves every open stream with at most one tick per half second", async () => {
    await sleep(600);
    const [first, second] = [await call(viewer(), "POST /api/invoices/tick"), await call(viewer(), "POST /api/invoices/tick")];
    expect(first.data).toMatchObject({ ticked: true });
    expect(second.data).toEqual({ ticked: false, inserted: 0 });
  });

  it("coalesces a burst of writes into the refresh in flight and one after it", async () => {
    const before = await versions();
    await Promise.all(Array.from({ length: 6 }, () => refreshKpisAfterWrite()));
    const after = await versions();
    expect(after.all! - before.all!).toBeGreaterThanOrEqual(1);
    expect(after.all! - before.all!).toBeLessThanOrEqual(2);
  });

  it("has no inbox on Vercel unless PIPELINE_INBOX_DIR names one: 'run today's file' answers 409 NO_INBOX", async () => {
    const saved = { VERCEL: env.VERCEL, PIPELINE_INBOX_DIR: env.PIPELINE_INBOX_DIR };
    try {
      Object.assign(env, { VERCEL: "1", PIPELINE_INBOX_DIR: undefined });
      const refused = await call(people.analyst, "POST /api/v1/pipeline/inbox");
      expect(refused.status).toBe(409);
      expect(refused.error?.code).toBe("NO_INBOX");
      Object.assign(env, { PIPELINE_INBOX_DIR: "tests/fixtures/no-such-inbox" });
      const missing = await call(people.analyst, "POST /api/v1/pipeline/inbox");
      expect(missing.status).toBe(404);
      expect(await database.db.pipelineRun.count({ where: { source: "INBOX" } })).toBe(0);
    } finally {
      Object.assign(env, saved);
    }
  });
});
