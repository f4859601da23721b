// The invoice generator against a real database: exact counts under simulated time, locks that
// never duplicate, gapless numbers, exact VAT, running stats equal to a recount, and a Reset
// that removes only generated data while the rollups stay exact.
import Decimal from "decimal.js";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { OutgoingEvent } from "../lib/realtime/publish";
import { seedDemoData } from "../lib/seed/seed-demo-data";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { expectRollupsExact } from "./helpers/expect-rollups-exact";

let database: TestDatabase;
vi.mock("../lib/server/db", () => ({
  get db() {
    return database.db;
  },
}));

const { startGenerator, stopGenerator, resetGenerator } = await import("../lib/invoices/controls");
const { tickInvoices } = await import("../lib/invoices/tick-invoices");
const { getInvoiceStats } = await import("../lib/invoices/stats");
const { getGeneratorStatus } = await import("../lib/invoices/generator-status");
const { listInvoices } = await import("../lib/invoices/list-invoices");

const T0 = new Date("2026-05-14T12:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let published: OutgoingEvent[] = [];
const publish = (events: readonly OutgoingEvent[]) => {
  published.push(...events);
  return Promise.resolve();
};
const tick = (seconds: number) => tickInvoices({ now: at(seconds), publish });

interface Actor {
  id: string;
  role: "ADMIN" | "MANAGER" | "ANALYST" | "VIEWER";
  businessUnitId: number | null;
}
let admin: Actor;
let manager: Actor;
let orglightId: number;
let perfilId: number;

async function actor(email: string): Promise<Actor> {
  const user = await database.db.user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, role: user.role, businessUnitId: user.businessUnitId };
}

async function invoiceCount(where = `source = 'SIMULATOR'`): Promise<number> {
  const [row] = await database.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "Invoice" WHERE ${where}`);
  return row!.n;
}

/** The stats counters must equal a recount of generated invoices, per unit and in all. */
async function expectStatsEqualRecount() {
  const recount = await database.db.$queryRawUnsafe<{ unit: number; count: number; subtotal: string; vat: string; total: string }[]>(`
    SELECT u.id AS unit, count(i.id)::int AS count, coalesce(sum(i.subtotal), 0)::text AS subtotal,
           coalesce(sum(i.vat), 0)::text AS vat, coalesce(sum(i.total), 0)::text AS total
    FROM "BusinessUnit" u LEFT JOIN "Invoice" i ON i."businessUnitId" = u.id AND i.source = 'SIMULATOR' GROUP BY u.id`);
  for (const row of recount) {
    const stats = await getInvoiceStats({ businessUnitId: row.unit });
    expect(stats.count).toBe(row.count);
    expect(new Decimal(stats.subtotal).equals(row.subtotal)).toBe(true);
    expect(new Decimal(stats.vat).equals(row.vat)).toBe(true);
    expect(new Decimal(stats.total).equals(row.total)).toBe(true);
  }
  const all = await getInvoiceStats({ businessUnitId: null });
  expect(all.count).toBe(recount.reduce((sum, row) => sum + row.count, 0));
  const total = recount.reduce((sum, row) => sum.plus(row.total), new Decimal(0));
  expect(new Decimal(all.total).equals(total)).toBe(true);
  expect(all.average).toBe(all.count === 0 ? "0.00" : total.div(all.count).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.url, { lines: 4_000, now: T0 });
  admin = await actor("admin@pulseboard.local");
  manager = await actor("manager@pulseboard.local");
  const units = await database.db.businessUnit.findMany();
  orglightId = units.find((unit) => unit.slug === "orglight")!.id;
  perfilId = units.find((unit) => unit.slug === "perfil")!.id;
}, 120_000);

beforeEach(async () => {
  await resetGenerator(admin, { now: T0, publish });
  published = [];
});

describe("ticks under simulated time", () => {
  it("produces rate × T invoices after T seconds, within one tick, and ends the run at endsAt", async () => {
    await startGenerator(admin, { ratePerSecond: 10, durationSeconds: 60 }, { now: T0, publish });
    for (const seconds of [0.2, 0.4, 1, 2.5, 2.5, 7.33]) {
      const result = await tick(seconds);
      expect(result.produced).toBe(Math.floor(10 * seconds));
    }
    expect(await invoiceCount()).toBe(73);
    const last = await tick(59.95);
    expect(last.produced).toBe(599);
    expect(last.state).toBe("RUNNING");
    const end = await tick(61);
    expect(end.produced).toBe(600);
    expect(end.state).toBe("IDLE");
    expect((await getGeneratorStatus({ businessUnitId: null })).state).toBe("IDLE");
    expect((await tick(120)).inserted).toBe(0);
    expect(await invoiceCount()).toBe(600);
    // Issue times are the run's schedule: the last one at endsAt exactly.
    const [edges] = await database.db.$queryRawUnsafe<{ first: Date; last: Date }[]>(
      `SELECT min("issuedAt") AS first, max("issuedAt") AS last FROM "Invoice" WHERE source = 'SIMULATOR'`,
    );
    expect(edges!.first.toISOString()).toBe(at(0.1).toISOString());
    expect(edges!.last.toISOString()).toBe(at(60).toISOString());
  });

  it("stops at once: no invoice after Stop, even for time already elapsed", async () => {
    await startGenerator(admin, { ratePerSecond: 20, durationSeconds: 60 }, { now: T0, publish });
    await tick(1);
    const status = await stopGenerator(admin, { now: at(1.5), publish });
    expect(status.state).toBe("IDLE");
    expect(status.produced).toBe(20);
    expect((await tick(2)).inserted).toBe(0);
    expect((await tick(30)).inserted).toBe(0);
    expect(await invoiceCount()).toBe(20);
  });

  it("catches up after a restart mid-run without duplicates", async () => {
    await startGenerator(admin, { ratePerSecond: 40, durationSeconds: 10 }, { now: T0, publish });
    expect((await tick(2)).produced).toBe(80);
    // The app was down from 2 s to 7.5 s: the first tick after the restart inserts everything due.
    const caughtUp = await tick(7.5);
    expect(caughtUp.inserted).toBe(220);
    expect(caughtUp.produced).toBe(300);
    // Down again past the end of the run.
    const final = await tick(45);
    expect(final.produced).toBe(400);
    expect(final.state).toBe("IDLE");
    expect(await invoiceCount()).toBe(400);
    const [distinct] = await database.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(DISTINCT (series, number))::int AS n FROM "Invoice"`,
    );
    expect(distinct!.n).toBe(400);
  });

  it("never duplicates when several ticks run at the same moment", async () => {
    await startGenerator(admin, { ratePerSecond: 200, durationSeconds: 60 }, { now: T0, publish });
    for (const seconds of [1, 1.2, 1.4, 3]) {
      const results = await Promise.all(Array.from({ length: 6 }, () => tick(seconds)));
      expect(results.reduce((sum, result) => sum + result.inserted, 0)).toBeLessThanOrEqual(Math.floor(200 * seconds));
      // Ticks that found the row locked did nothing; whichever tick came last found nothing left to do.
      await tick(seconds);
      expect(await invoiceCount()).toBe(Math.floor(200 * seconds));
    }
    await expectStatsEqualRecount();
  });
});

describe("controls", () => {
  it("answers 409 to the second of two simultaneous starts", async () => {
    const outcomes = await Promise.allSettled([
      startGenerator(admin, { ratePerSecond: 5 }, { now: T0, publish }),
      startGenerator(admin, { ratePerSecond: 7 }, { now: T0, publish }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected");
    expect(rejected?.reason).toMatchObject({ status: 409 });
    await expect(startGenerator(admin, {}, { now: T0, publish })).rejects.toMatchObject({ status: 409 });
  });

  it("uses the defaults of 5 invoices a second for 300 s", async () => {
    const status = await startGenerator(admin, {}, { now: T0, publish });
    expect(status).toMatchObject({ state: "RUNNING", ratePerSecond: 5, durationSeconds: 300, produced: 0, businessUnit: null });
    expect(status.endsAt).toBe(at(300).toISOString());
  });

  it("refuses analysts and viewers, and records every control action in the audit log", async () => {
    await expect(startGenerator({ ...admin, role: "VIEWER" }, {}, { now: T0, publish })).rejects.toMatchObject({ status: 403 });
    await expect(stopGenerator({ ...admin, role: "ANALYST" }, { now: T0, publish })).rejects.toMatchObject({ status: 403 });
    await expect(resetGenerator({ ...admin, role: "ANALYST" }, { now: T0, publish })).rejects.toMatchObject({ status: 403 });
    const before = await database.db.auditEvent.count({ where: { action: { startsWith: "generator." } } });
    await startGenerator(admin, {}, { now: T0, publish, requestId: "req-start" });
    await stopGenerator(admin, { now: at(1), publish, requestId: "req-stop" });
    await resetGenerator(admin, { now: at(2), publish, requestId: "req-reset" });
    const events = await database.db.auditEvent.findMany({
      where: { action: { startsWith: "generator." } },
      orderBy: { id: "asc" },
      skip: before,
    });
    expect(events.map((event) => [event.action, event.requestId, event.actorId])).toEqual([
      ["generator.start", "req-start", admin.id],
      ["generator.stop", "req-stop", admin.id],
      ["generator.reset", "req-reset", admin.id],
    ]);
  });

  it("keeps stats equal to a recount after start, stop and reset", async () => {
    await startGenerator(admin, { ratePerSecond: 50, durationSeconds: 20 }, { now: T0, publish });
    await tick(3);
    await expectStatsEqualRecount();
    await stopGenerator(admin, { now: at(4), publish });
    await expectStatsEqualRecount();
    const stats = await getInvoiceStats({ businessUnitId: null });
    expect(stats.count).toBe(150);
    await resetGenerator(admin, { now: at(5), publish });
    await expectStatsEqualRecount();
    expect(await getInvoiceStats({ businessUnitId: null })).toEqual({
      count: 0,
      subtotal: "0.00",
      vat: "0.00",
      total: "0.00",
      average: "0.00",
    });
  });

  it("resets only generated data: imported and seeded sales stay, rollups stay exact", async () => {
    await database.db.$executeRawUnsafe(`
      INSERT INTO "Invoice" (series, number, company, "contactName", "contactEmail", "businessUnitId", "branchId", subtotal, "vatRate", vat, total, "issuedAt", source)
      SELECT 'IMP', 1, 'Imported Ltd', 'A B', 'a@b.c', ${orglightId}, (SELECT min(id) FROM "Branch"), 100, 0.15, 15, 115, now(), 'IMPORT'`);
    const otherSales = `source <> 'SIMULATOR'`;
    const [before] = await database.db.$queryRawUnsafe<{ n: number; revenue: string }[]>(
      `SELECT count(*)::int AS n, sum(revenue)::text AS revenue FROM "Sale" WHERE ${otherSales}`,
    );
    await startGenerator(admin, { ratePerSecond: 30, durationSeconds: 10 }, { now: at(-3600), publish });
    await tick(-3590);
    const generatedSales = await database.db.sale.count({ where: { source: "SIMULATOR" } });
    const generatedLines = await database.db.invoiceLine.count({ where: { invoice: { source: "SIMULATOR" } } });
    expect(generatedSales).toBe(generatedLines);
    expect(generatedSales).toBeGreaterThanOrEqual(300);
    await expectRollupsExact(database);

    await resetGenerator(admin, { now: T0, publish });
    expect(await database.db.sale.count({ where: { source: "SIMULATOR" } })).toBe(0);
    expect(await invoiceCount()).toBe(0);
    expect(await invoiceCount(`source = 'IMPORT'`)).toBe(1);
    const [after] = await database.db.$queryRawUnsafe<{ n: number; revenue: string }[]>(
      `SELECT count(*)::int AS n, sum(revenue)::text AS revenue FROM "Sale" WHERE ${otherSales}`,
    );
    expect(after).toEqual(before);
    await expectRollupsExact(database);
    await database.db.invoice.deleteMany({ where: { source: "IMPORT" } });
  });
});

describe("invoices", () => {
  it("numbers each unit's series without gaps, also across a reset", async () => {
    await startGenerator(admin, { ratePerSecond: 100, durationSeconds: 5 }, { now: T0, publish });
    await Promise.all([tick(1), tick(1), tick(2.2)]);
    await tick(10);
    const check = async () => {
      const series = await database.db.$queryRawUnsafe<{ series: string; n: number; first: number; last: number; counter: number }[]>(`
        SELECT i.series, count(*)::int AS n, min(number) AS first, max(number) AS last, s."lastNumber" AS counter
        FROM "Invoice" i JOIN "InvoiceSeries" s ON s.series = i.series WHERE i.source = 'SIMULATOR' GROUP BY i.series, s."lastNumber"`);
      expect(series.map((row) => row.series).sort()).toEqual(["SIM-ORGLIGHT", "SIM-PERFIL"]);
      for (const row of series) expect(row).toMatchObject({ first: 1, last: row.n, counter: row.n });
      return series.reduce((sum, row) => sum + row.n, 0);
    };
    expect(await check()).toBe(500);
    await resetGenerator(admin, { now: at(11), publish });
    await startGenerator(admin, { ratePerSecond: 10, durationSeconds: 5 }, { now: at(20), publish });
    await tick(30);
    expect(await check()).toBe(50);
  });

  it("computes lines, subtotal, VAT at 15 % half up and total exactly, and writes each line as a sale", async () => {
    await startGenerator(admin, { ratePerSecond: 100, durationSeconds: 3 }, { now: T0, publish });
    await tick(5);
    const [check] = await database.db.$queryRawUnsafe<Record<string, number>[]>(`
      WITH lines AS (SELECT "invoiceId", count(*)::int AS n, sum(amount) AS subtotal,
                            bool_and(amount = quantity * "unitPrice") AS exact FROM "InvoiceLine" GROUP BY "invoiceId")
      SELECT count(*)::int AS invoices,
             count(*) FILTER (WHERE l.n BETWEEN 1 AND 5)::int AS "oneToFiveLines",
             count(*) FILTER (WHERE l.exact AND i.subtotal = l.subtotal)::int AS "subtotalIsSum",
             count(*) FILTER (WHERE i."vatRate" = 0.15 AND i.vat = round(i.subtotal * 0.15, 2))::int AS "vatRounded",
             count(*) FILTER (WHERE i.total = i.subtotal + i.vat)::int AS "totalIsSum",
             count(*) FILTER (WHERE i.vat * 100 <> trunc(i.vat * 100) OR i.subtotal * 100 <> trunc(i.subtotal * 100))::int AS "subCent",
             count(*) FILTER (WHERE round(i.subtotal * 0.15, 4) <> round(i.subtotal * 0.15, 2))::int AS "neededRounding"
      FROM "Invoice" i JOIN lines l ON l."invoiceId" = i.id WHERE i.source = 'SIMULATOR'`);
    expect(check).toMatchObject({ invoices: 300, oneToFiveLines: 300, subtotalIsSum: 300, vatRounded: 300, totalIsSum: 300, subCent: 0 });
    expect(check!.neededRounding).toBeGreaterThan(0);
    const [sales] = await database.db.$queryRawUnsafe<{ lines: number; matching: number }[]>(`
      SELECT count(*)::int AS lines, count(s.id) FILTER (WHERE s.revenue = l.amount AND s.quantity = l.quantity AND s."productId" = l."productId"
        AND s."soldAt" = i."issuedAt" AND s."businessUnitId" = i."businessUnitId" AND s."branchId" = i."branchId"
        AND s.profit = s.revenue - s.cost AND s.source = 'SIMULATOR')::int AS matching
      FROM "InvoiceLine" l JOIN "Invoice" i ON i.id = l."invoiceId" LEFT JOIN "Sale" s ON s."invoiceLineId" = l.id`);
    expect(sales!.matching).toBe(sales!.lines);
    // Real dimensions: the salesperson works for the invoice's unit and branch.
    const [mismatched] = await database.db.$queryRawUnsafe<{ n: number }[]>(`
      SELECT count(*)::int AS n FROM "Sale" s JOIN "Salesperson" p ON p.id = s."salespersonId"
      WHERE s.source = 'SIMULATOR' AND (p."businessUnitId" <> s."businessUnitId" OR p."branchId" <> s."branchId")`);
    expect(mismatched!.n).toBe(0);
    const invoice = await database.db.invoice.findFirstOrThrow({ where: { source: "SIMULATOR" } });
    expect(invoice.company.length).toBeGreaterThan(2);
    expect(invoice.contactEmail).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.(co\.ke|com)$/);
  });

  it("lists the newest first in the caller's scope", async () => {
    await startGenerator(admin, { ratePerSecond: 20, durationSeconds: 5 }, { now: T0, publish });
    await tick(6);
    const all = await listInvoices({ businessUnitId: null }, 20);
    expect(all).toHaveLength(20);
    expect(all.map((invoice) => invoice.issuedAt)).toEqual([...all.map((invoice) => invoice.issuedAt)].sort().reverse());
    expect(all[0]!.issuedAt).toBe(at(5).toISOString());
    const perfil = await listInvoices({ businessUnitId: perfilId }, 500);
    expect(perfil.every((invoice) => invoice.businessUnit === "Perfil" && invoice.number.startsWith("SIM-PERFIL-"))).toBe(true);
  });
});

describe("a manager scoped to one unit", () => {
  it("generates only its unit's invoices and sees only its unit's stats", async () => {
    const status = await startGenerator(manager, { ratePerSecond: 20, durationSeconds: 10 }, { now: T0, publish });
    expect(status.businessUnit).toBe("orglight");
    await expect(startGenerator(manager, { businessUnit: "perfil" }, { now: T0, publish })).rejects.toMatchObject({ status: 403 });
    await tick(5);
    expect(await invoiceCount(`source = 'SIMULATOR' AND "businessUnitId" <> ${orglightId}`)).toBe(0);
    expect((await getInvoiceStats({ businessUnitId: orglightId })).count).toBe(100);
    expect((await getInvoiceStats({ businessUnitId: perfilId })).count).toBe(0);
    expect((await getGeneratorStatus({ businessUnitId: perfilId })).produced).toBe(0);
    expect((await getGeneratorStatus({ businessUnitId: orglightId })).produced).toBe(100);
    await stopGenerator(manager, { now: at(6), publish });
  });

  it("may not stop an all-units run, and its reset leaves the other unit alone", async () => {
    await startGenerator(admin, { ratePerSecond: 40, durationSeconds: 20 }, { now: T0, publish });
    await tick(5);
    await expect(stopGenerator(manager, { now: at(5), publish }, { businessUnit: "all" })).rejects.toMatchObject({ status: 403 });
    // A manager's plain Stop stops its own unit's generator only.
    await stopGenerator(manager, { now: at(5), publish });
    expect((await getGeneratorStatus({ businessUnitId: null })).state).toBe("RUNNING");
    const perfilBefore = await getInvoiceStats({ businessUnitId: perfilId });
    expect(perfilBefore.count).toBeGreaterThan(0);
    const shareOf = (status: Awaited<ReturnType<typeof getGeneratorStatus>>) =>
      status.generators.find((generator) => generator.businessUnit === null)!;
    const orglightShare = shareOf(await getGeneratorStatus({ businessUnitId: orglightId })).produced;
    expect(orglightShare).toBe((await getInvoiceStats({ businessUnitId: orglightId })).count);

    published = [];
    const status = await resetGenerator(manager, { now: at(6), publish });
    // The admin's run goes on; only Orglight's generated invoices are gone.
    expect(shareOf(status).state).toBe("RUNNING");
    expect(shareOf(status).produced).toBe(0);
    expect(await invoiceCount(`source = 'SIMULATOR' AND "businessUnitId" = ${orglightId}`)).toBe(0);
    expect(await getInvoiceStats({ businessUnitId: perfilId })).toEqual(perfilBefore);
    expect((await getInvoiceStats({ businessUnitId: orglightId })).count).toBe(0);
    expect(published.map((event) => event.channel).sort()).toEqual(["private-invoices", "private-invoices-bu-orglight"]);
    await expectStatsEqualRecount();

    await tick(8);
    const orglightAgain = await database.db.invoice.findMany({
      where: { businessUnitId: orglightId, source: "SIMULATOR" },
      orderBy: { number: "asc" },
    });
    expect(orglightAgain[0]?.number).toBe(1);
    expect(orglightAgain.map((invoice) => invoice.number)).toEqual(orglightAgain.map((_, index) => index + 1));
    await expectStatsEqualRecount();
  });
});

describe("broadcast", () => {
  it("publishes each tick as one batch of events under 10 KB on the all-units and unit channels", async () => {
    await startGenerator(admin, { ratePerSecond: 400, durationSeconds: 10 }, { now: T0, publish });
    published = [];
    const result = await tick(1);
    expect(result.inserted).toBe(400);
    const byChannel = new Map<string, number[]>();
    for (const event of published) {
      expect(event.name).toBe("invoices.created");
      expect(Buffer.byteLength(JSON.stringify(event.data))).toBeLessThan(9_600);
      const ids = (event.data as { invoices: { id: number }[] }).invoices.map((invoice) => invoice.id);
      byChannel.set(event.channel, [...(byChannel.get(event.channel) ?? []), ...ids]);
    }
    const all = byChannel.get("private-invoices")!;
    expect(all).toHaveLength(400);
    expect(new Set(all).size).toBe(400);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    const orglight = byChannel.get("private-invoices-bu-orglight") ?? [];
    const perfil = byChannel.get("private-invoices-bu-perfil") ?? [];
    expect(orglight.length + perfil.length).toBe(400);
    const units = await database.db.invoice.findMany({ where: { id: { in: perfil } }, select: { businessUnitId: true } });
    expect(units.every((invoice) => invoice.businessUnitId === perfilId)).toBe(true);
  });

  it("announces the end of a run and a reset on every channel", async () => {
    await startGenerator(admin, { ratePerSecond: 5, durationSeconds: 1 }, { now: T0, publish });
    published = [];
    await tick(2);
    const last = published.filter((event) => event.channel === "private-invoices").at(-1)!.data as { generator?: { state: string } };
    expect(last.generator?.state).toBe("IDLE");
    published = [];
    await resetGenerator(admin, { now: at(3), publish });
    expect(published.map((event) => event.channel).sort()).toEqual([
      "private-invoices",
      "private-invoices-bu-orglight",
      "private-invoices-bu-perfil",
    ]);
    expect(published.every((event) => (event.data as { reset?: unknown }).reset)).toBe(true);
  });
});
