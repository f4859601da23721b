// The invoice generators through their routes: a start may not ask for more invoices than the cap,
// each business unit runs its own generator that only its managers (and unscoped ones) control,
// and a scoped manager's status, stats and events say nothing about another unit's generator.
import { AsyncLocalStorage } from "node:async_hooks";

import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { OutgoingEvent } from "../../lib/realtime/publish";
import type { SessionUser } from "../../lib/server/auth/session-user";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedDemoPeople } from "../helpers/demo-people";

let database: TestDatabase;
// Who calls, per request, so concurrent calls keep their own identity.
const caller = new AsyncLocalStorage<SessionUser>();
const published: OutgoingEvent[] = [];

vi.mock("../../lib/server/db", () => ({
  get db() {
    return database.db;
  },
}));
vi.mock("../../lib/server/auth/current-user", () => ({ getCurrentUser: () => Promise.resolve(caller.getStore() ?? null) }));
vi.mock("../../lib/realtime/publish", async (original) => ({
  ...(await original<object>()),
  publishEvents: (events: readonly OutgoingEvent[]) => (published.push(...events), Promise.resolve()),
}));

const { tickInvoices } = await import("../../lib/invoices/tick-invoices");
const { parseEnv } = await import("../../lib/server/env");
const { CHANNELS } = await import("../../lib/realtime/channels");
type Handler = (request: NextRequest, context: { params: Promise<Record<string, never>> }) => Promise<Response>;
const routes: Record<string, Handler> = {
  "POST /api/control/start": (await import("../../app/api/control/start/route")).POST,
  "POST /api/control/stop": (await import("../../app/api/control/stop/route")).POST,
  "POST /api/control/reset": (await import("../../app/api/control/reset/route")).POST,
  "GET /api/system/status": (await import("../../app/api/system/status/route")).GET,
  "GET /api/stats": (await import("../../app/api/stats/route")).GET,
  "GET /api/invoices": (await import("../../app/api/invoices/route")).GET,
};

interface Generator {
  businessUnit: string | null;
  state: string;
  ratePerSecond: number | null;
  produced: number;
  startedAt: string | null;
}
type Status = Generator & { generators: Generator[] };

async function call(user: SessionUser, route: string, body?: unknown) {
  const [method, path] = route.split(" ") as [string, string];
  const init = body === undefined ? { method } : { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  const request = new NextRequest(`http://localhost${path}`, init);
  const response = await caller.run(user, () => routes[route]!(request, { params: Promise.resolve({}) }));
  const json = (await response.json()) as { data: unknown; error: { code: string; message: string } | null };
  return { status: response.status, data: json.data, error: json.error, text: JSON.stringify(json.data) };
}
const statusOf = async (user: SessionUser) => (await call(user, "GET /api/system/status")).data as Status;
const generatorOf = (status: Status, unit: string | null) => status.generators.find((generator) => generator.businessUnit === unit)!;
const tick = (seconds: number) => tickInvoices({ now: new Date(Date.now() + seconds * 1000) });

let admin: SessionUser;
let orglight: SessionUser;
let perfil: SessionUser;
let units: { orglight: number; perfil: number };

async function unitSnapshot(unitId: number) {
  const [generator, stats, invoices, series] = await Promise.all([
    database.db.generatorState.findFirst({ where: { businessUnitId: unitId } }),
    database.db.invoiceStats.findUnique({ where: { businessUnitId: unitId } }),
    database.db.invoice.count({ where: { businessUnitId: unitId, source: "SIMULATOR" } }),
    database.db.invoiceSeries.findMany({ orderBy: { series: "asc" } }),
  ]);
  return { generator, stats: JSON.stringify(stats), invoices, series };
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ units, admin, orglight, perfil } = await seedDemoPeople(database));
}, 120_000);

beforeEach(async () => {
  expect((await call(admin, "POST /api/control/reset")).status).toBe(200);
  published.length = 0;
});

describe("the size of a start", () => {
  it("is capped by GENERATOR_MAX_INVOICES_PER_RUN, 100,000 unless configured", () => {
    expect(parseEnv({}).GENERATOR_MAX_INVOICES_PER_RUN).toBe(100_000);
    expect(parseEnv({ GENERATOR_MAX_INVOICES_PER_RUN: "2500" }).GENERATOR_MAX_INVOICES_PER_RUN).toBe(2_500);
  });

  it("answers 422 over the cap, naming it, and starts and writes nothing", async () => {
    const before = {
      generators: await database.db.generatorState.findMany({ orderBy: { id: "asc" } }),
      audit: await database.db.auditEvent.count({ where: { action: "generator.start" } }),
      invoices: await database.db.invoice.count(),
    };
    const overCap: [SessionUser, object][] = [
      [admin, { ratePerSecond: 2000, durationSeconds: 51 }],
      [admin, { ratePerSecond: 2000, durationSeconds: 86_400, businessUnit: "perfil" }],
      [orglight, { ratePerSecond: 400, durationSeconds: 300 }],
    ];
    for (const [user, body] of overCap) {
      const response = await call(user, "POST /api/control/start", body);
      expect(response.status).toBe(422);
      expect(response.error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("at most 100,000 invoices") });
    }
    expect((await tick(30)).inserted).toBe(0);
    expect(await database.db.generatorState.findMany({ orderBy: { id: "asc" } })).toEqual(before.generators);
    expect(await database.db.auditEvent.count({ where: { action: "generator.start" } })).toBe(before.audit);
    expect(await database.db.invoice.count()).toBe(before.invoices);
    expect(published).toEqual([]);
    // Exactly the cap is allowed.
    expect((await call(admin, "POST /api/control/start", { ratePerSecond: 1000, durationSeconds: 100 })).status).toBe(200);
  });
});

describe("one generator per business unit", () => {
  it("runs two units' generators and an all-units one at once; each manager stops its own", async () => {
    const started = await Promise.all([
      call(orglight, "POST /api/control/start", { ratePerSecond: 20, durationSeconds: 60 }),
      call(perfil, "POST /api/control/start", { ratePerSecond: 30, durationSeconds: 60 }),
      call(admin, "POST /api/control/start", { ratePerSecond: 10, durationSeconds: 60 }),
    ]);
    expect(started.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(started.map((response) => (response.data as Status).businessUnit)).toEqual(["orglight", "perfil", null]);
    const now = new Date(Date.now() + 2_000);
    const ticked = await tickInvoices({ now });
    // Each generator made exactly its own rate × its own elapsed time.
    const due = (status: Status) => Math.floor((status.ratePerSecond! * (now.getTime() - Date.parse(status.startedAt!))) / 1000);
    const expected = started.map((response) => [(response.data as Status).businessUnit, due(response.data as Status)]);
    expect(ticked.generators.map((generator) => [generator.businessUnit, generator.produced])).toEqual([
      expected[2],
      expected[0],
      expected[1],
    ]);

    const stopped = await call(orglight, "POST /api/control/stop");
    expect(stopped.status).toBe(200);
    expect((stopped.data as Status).state).toBe("IDLE");
    expect((await statusOf(perfil)).state).toBe("RUNNING");
    expect(generatorOf(await statusOf(admin), null).state).toBe("RUNNING");
    const perfilStopped = await call(perfil, "POST /api/control/stop", { businessUnit: "perfil" });
    expect([perfilStopped.status, (perfilStopped.data as Status).state]).toEqual([200, "IDLE"]);
    expect(generatorOf(await statusOf(admin), null).state).toBe("RUNNING");
    expect((await tick(4)).generators.map((generator) => generator.businessUnit)).toEqual([null]);
  });

  it("refuses a manager another unit's generator and data with 403, and changes nothing of that unit", async () => {
    expect((await call(perfil, "POST /api/control/start", { ratePerSecond: 25, durationSeconds: 60 })).status).toBe(200);
    await tick(2);
    const before = await unitSnapshot(units.perfil);
    expect(before.invoices).toBeGreaterThan(0);

    for (const [route, body] of [
      ["POST /api/control/stop", { businessUnit: "perfil" }],
      ["POST /api/control/reset", { businessUnit: "perfil" }],
      ["POST /api/control/start", { businessUnit: "perfil" }],
      ["POST /api/control/stop", { businessUnit: "all" }],
      ["POST /api/control/reset", { businessUnit: "all" }],
    ] as const) {
      const response = await call(orglight, route, body);
      expect([route, response.status, response.error?.code]).toEqual([route, 403, "FORBIDDEN"]);
    }
    // Its own Stop and Reset reach only its own unit.
    expect((await call(orglight, "POST /api/control/stop")).status).toBe(200);
    expect((await call(orglight, "POST /api/control/reset")).status).toBe(200);
    expect(await unitSnapshot(units.perfil)).toEqual(before);
    expect((await statusOf(perfil)).state).toBe("RUNNING");
  });
});

describe("a manager scoped to one unit", () => {
  it("sees in status, stats and events nothing of another unit's generator", async () => {
    expect((await call(perfil, "POST /api/control/start", { ratePerSecond: 37, durationSeconds: 60 })).status).toBe(200);
    await tick(1);
    // Perfil's own run: not even its existence reaches Orglight's manager.
    const whilePerfilRuns = await call(orglight, "GET /api/system/status");
    expect(whilePerfilRuns.text).not.toMatch(/perfil/i);
    expect(whilePerfilRuns.data).toMatchObject({ businessUnit: "orglight", state: "IDLE", ratePerSecond: expect.any(Number) });
    expect((whilePerfilRuns.data as Status).ratePerSecond).not.toBe(37);
    expect((await call(admin, "POST /api/control/start", { ratePerSecond: 41, durationSeconds: 60 })).status).toBe(200);
    await tick(3);
    expect((await call(perfil, "POST /api/control/stop")).status).toBe(200);

    const status = await call(orglight, "GET /api/system/status");
    const view = status.data as Status;
    expect(view.generators.map((generator) => generator.businessUnit)).toEqual(["orglight", null]);
    expect(view).toMatchObject({ businessUnit: "orglight", state: "IDLE", produced: 0, startedAt: null });
    // Of the all-units run: its timing and this unit's share, never its rate (which spans Perfil too).
    const orglightInvoices = await database.db.invoice.count({ where: { businessUnitId: units.orglight, source: "SIMULATOR" } });
    expect(orglightInvoices).toBeGreaterThan(0);
    expect(generatorOf(view, null)).toMatchObject({ state: "RUNNING", ratePerSecond: null, produced: orglightInvoices });
    for (const text of [status.text, (await call(orglight, "GET /api/invoices")).text]) {
      expect(text).not.toMatch(/perfil/i);
      expect(text).not.toContain(perfil.id);
      expect(text).not.toContain(admin.id);
    }
    const stats = (await call(orglight, "GET /api/stats")).data;
    expect(stats).toEqual(await statsOfOrglight());
    expect(stats).not.toEqual((await call(admin, "GET /api/stats")).data);

    const channel = CHANNELS.ofUnit("invoices", "orglight");
    const seen = published.filter((event) => event.channel === channel).map((event) => JSON.stringify(event.data));
    expect(seen.some((data) => data.includes('"businessUnit":"Orglight"'))).toBe(true);
    expect(seen.some((data) => data.includes('"generator"'))).toBe(true);
    for (const data of seen) {
      expect(data).not.toMatch(/perfil/i);
      expect(data).not.toMatch(/"ratePerSecond":\d/);
    }

    // Unscoped callers see every generator in full.
    const all = await statusOf(admin);
    expect(all.generators.map((generator) => [generator.businessUnit, generator.state, generator.ratePerSecond])).toEqual([
      [null, "RUNNING", 41],
      ["orglight", "IDLE", expect.any(Number)],
      ["perfil", "IDLE", 37],
    ]);
  });
});

/** Orglight's running totals, straight from the counters. */
async function statsOfOrglight() {
  const row = await database.db.invoiceStats.findUniqueOrThrow({ where: { businessUnitId: units.orglight } });
  const average = row.count === 0 ? "0.00" : row.total.div(row.count).toDecimalPlaces(2).toFixed(2);
  return { count: row.count, subtotal: row.subtotal.toFixed(2), vat: row.vat.toFixed(2), total: row.total.toFixed(2), average };
}
