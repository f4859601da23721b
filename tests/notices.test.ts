// In-app notices: who hears of a finished or failed run, of quarantined rows, of stale KPIs, of the
// generator's end and of an expiring share link; each only once; pruned after 30 days; read through
// the API by their owner only; pushed live on a channel only their owner may subscribe to.
import { Readable } from "node:stream";

import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { SessionUser } from "../lib/server/auth/session-user";
import { caller, published } from "./helpers/app-mocks";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

let database: TestDatabase;

vi.mock("../lib/server/db", async () => (await import("./helpers/app-mocks")).databaseModule(() => database));
vi.mock("../lib/server/auth/current-user", async () => (await import("./helpers/app-mocks")).callerModule());
vi.mock("../lib/realtime/publish", async (original) => (await import("./helpers/app-mocks")).publishModule(await original()));

const { loadSessionUser } = await import("../lib/server/auth/session-user");
const { runPipeline } = await import("../lib/pipeline/run-pipeline");
const { onRunFinished } = await import("../lib/pipeline/on-run-finished");
const { PRESETS } = await import("../lib/pipeline/mapping");
const { tickInvoices } = await import("../lib/invoices/tick-invoices");
const { refreshKpiSnapshots } = await import("../lib/kpis/refresh-snapshots");
const { sweepNotices } = await import("../lib/notices/sweep-notices");
const { canSubscribe, CHANNELS } = await import("../lib/realtime/channels");
const { NOTICE_EVENT } = await import("../lib/notices/types");
type Handler = (request: NextRequest, context: { params: Promise<Record<string, never>> }) => Promise<Response>;
const listRoute = (await import("../app/api/v1/notices/route")).GET;
const readRoute = (await import("../app/api/v1/notices/read/route")).POST;
const authRoute = (await import("../app/api/realtime/auth/route")).POST;

const HEADER =
  "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,product_name,product_line,category,quantity,unit_price,unit_cost,discount";
const row = (order: string, unit: string, quantity = "2") =>
  `${order},1,2026-05-01,${unit},Coast,MSA-1,SP-1,C-1,SKU-1,Lamp,Lighting,Lamps,${quantity},10,6,0`;

type Users = Record<"admin" | "orgAdmin" | "manager" | "perfilManager" | "analyst" | "orgAnalyst" | "viewer", SessionUser>;
let users: Users;
let units: { orglight: number; perfil: number };

async function createUser(key: string, role: SessionUser["role"], businessUnitId: number | null) {
  const created = await database.db.user.create({
    data: { email: `${key}@notices.test`, name: `${key} Person`, role, businessUnitId, passwordHash: "unused" },
  });
  return (await loadSessionUser(created.id))!;
}

const noticesOf = (userId: string) => database.db.notice.findMany({ where: { userId }, orderBy: { id: "asc" } });
const noticeEvents = (userId: string) =>
  published.filter((event) => event.channel === CHANNELS.user(userId) && event.name === NOTICE_EVENT);

async function load(csv: string[], startedBy: SessionUser, fileName = "sales.csv") {
  const scope = startedBy.businessUnitId ? { id: startedBy.businessUnitId, slug: startedBy.businessUnitSlug! } : null;
  return runPipeline({
    databaseUrl: database.url,
    open: () => Readable.from([Buffer.from(csv.join("\n"))]),
    fileName,
    source: "UPLOAD",
    preset: "canonical",
    mapping: PRESETS.canonical,
    dryRun: false,
    startedById: startedBy.id,
    scope,
    onFinished: onRunFinished,
  });
}

async function call(user: SessionUser, handler: Handler, url: string, init?: { method: string; body: unknown; form?: true }) {
  const request = init
    ? new NextRequest(`http://localhost${url}`, {
        method: init.method,
        headers: { "content-type": init.form ? "application/x-www-form-urlencoded" : "application/json" },
        body: init.form ? new URLSearchParams(init.body as Record<string, string>).toString() : JSON.stringify(init.body),
      })
    : new NextRequest(`http://localhost${url}`);
  const response = await caller.run(user, () => handler(request, { params: Promise.resolve({}) }));
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { data: never; error: { code: string } | null },
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const orglight = await database.db.businessUnit.create({ data: { slug: "orglight", name: "Orglight" } });
  const perfil = await database.db.businessUnit.create({ data: { slug: "perfil", name: "Perfil" } });
  units = { orglight: orglight.id, perfil: perfil.id };
  users = {
    admin: await createUser("admin", "ADMIN", null),
    orgAdmin: await createUser("orgadmin", "ADMIN", orglight.id),
    manager: await createUser("manager", "MANAGER", orglight.id),
    perfilManager: await createUser("perfilmanager", "MANAGER", perfil.id),
    analyst: await createUser("analyst", "ANALYST", null),
    orgAnalyst: await createUser("organalyst", "ANALYST", orglight.id),
    viewer: await createUser("viewer", "VIEWER", null),
  };
});

beforeEach(async () => {
  published.length = 0;
  await database.db.notice.deleteMany();
});

describe("pipeline run notices", () => {
  it("tell the starter a run finished, with its counts, live on the starter's own channel", async () => {
    const run = await load(
      [HEADER, row("A-1", "orglight"), row("A-2", "orglight"), row("A-3", "orglight", "x"), row("A-4", "perfil")],
      users.manager,
    );
    expect(run.status, run.error ?? "").toBe("SUCCEEDED");
    expect(run.rowsRejected).toBe(2);

    const [notice, ...others] = await noticesOf(users.manager.id);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ kind: "RUN_FINISHED", link: `/pipeline/runs/${run.id}`, readAt: null });
    expect(notice!.params).toEqual({
      runId: run.id,
      fileName: "sales.csv",
      dryRun: false,
      read: 4,
      valid: 2,
      rejected: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(noticeEvents(users.manager.id)).toEqual([
      expect.objectContaining({ data: { type: "created", notice: expect.objectContaining({ id: notice!.id, kind: "RUN_FINISHED" }) } }),
    ]);
  });

  it("tell the reviewers of the run's scope how many of its rejected rows they can review, and nobody else", async () => {
    const run = await load([HEADER, row("B-1", "orglight"), row("B-2", "orglight", "x"), row("B-3", "perfil")], users.manager);
    expect(run.rowsRejected).toBe(2);
    const waiting = await database.db.notice.findMany({ where: { kind: "QUARANTINE_WAITING" }, orderBy: { userId: "asc" } });
    const byUser = Object.fromEntries(waiting.map((notice) => [notice.userId, notice]));
    // Unscoped reviewers see both rejects; a reviewer scoped to Orglight sees only the Orglight one.
    expect(byUser[users.admin.id]?.params).toEqual({ runId: run.id, fileName: "sales.csv", rows: 2 });
    expect(byUser[users.analyst.id]?.params).toEqual({ runId: run.id, fileName: "sales.csv", rows: 2 });
    expect(byUser[users.orgAdmin.id]?.params).toEqual({ runId: run.id, fileName: "sales.csv", rows: 1 });
    expect(byUser[users.orgAnalyst.id]?.params).toEqual({ runId: run.id, fileName: "sales.csv", rows: 1 });
    expect(byUser[users.orgAdmin.id]?.link).toBe(`/quarantine?run=${run.id}`);
    // The starter has its own notice; a viewer cannot review; another unit's manager cannot see the run.
    expect(Object.keys(byUser).sort()).toEqual([users.admin.id, users.analyst.id, users.orgAdmin.id, users.orgAnalyst.id].sort());
    expect((await noticesOf(users.manager.id)).map((notice) => notice.kind)).toEqual(["RUN_FINISHED"]);

    // An unscoped run's rejects are for unscoped reviewers only (a scoped one cannot see them).
    const all = await load([HEADER, row("C-1", "orglight", "x")], users.analyst, "all.csv");
    const forAll = await database.db.notice.findMany({
      where: { kind: "QUARANTINE_WAITING", params: { path: ["runId"], equals: all.id } },
    });
    expect(forAll.map((notice) => notice.userId)).toEqual([users.admin.id]);
  });

  it("tell the starter a run failed, with the reason, and nobody of quarantine", async () => {
    const run = await load(["order_id,line\n1,1"], users.analyst, "broken.csv");
    expect(run.status).toBe("FAILED");
    const notices = await database.db.notice.findMany();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ userId: users.analyst.id, kind: "RUN_FAILED", link: `/pipeline/runs/${run.id}` });
    expect(notices[0]!.params).toMatchObject({ runId: run.id, fileName: "broken.csv", error: expect.stringContaining("column") });
  });

  it("are created once per run, even if the end is reported twice", async () => {
    const run = await load([HEADER, row("D-1", "orglight", "x")], users.manager);
    await onRunFinished(run, { write: () => Promise.resolve() });
    expect(await database.db.notice.count({ where: { userId: users.manager.id } })).toBe(1);
    expect(await database.db.notice.count({ where: { userId: users.admin.id } })).toBe(1);
  });
});

describe("system notices", () => {
  it("tell whoever started the invoice generator that its run ended, once", async () => {
    const startedAt = new Date(Date.now() - 10_000);
    const run = {
      status: "RUNNING" as const,
      ratePerSecond: 1,
      durationSeconds: 1,
      startedAt,
      endsAt: new Date(startedAt.getTime() + 1000),
      startedById: users.manager.id,
    };
    await database.db.generatorState.upsert({ where: { id: 1 }, create: { id: 1, ...run }, update: run });
    const tick = await tickInvoices();
    expect(tick.state).toBe("IDLE");
    await tickInvoices();
    const notices = await database.db.notice.findMany();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      userId: users.manager.id,
      kind: "GENERATOR_ENDED",
      link: "/invoices",
      params: { unit: null, produced: 1 },
    });
  });

  it("tell the ADMINs who see a KPI scope once per stale episode, not on every failed refresh", async () => {
    await refreshKpiSnapshots();
    const fail = () => Promise.reject(new Error("rollups unavailable"));
    await refreshKpiSnapshots(fail);
    await refreshKpiSnapshots(fail);
    const stale = await database.db.notice.findMany({ where: { kind: "KPIS_STALE" } });
    const scopesOf = (userId: string) =>
      stale
        .filter((notice) => notice.userId === userId)
        .map((notice) => (notice.params as { scope: string }).scope)
        .sort();
    expect(scopesOf(users.admin.id)).toEqual(["all", "orglight", "perfil"]);
    expect(scopesOf(users.orgAdmin.id)).toEqual(["orglight"]);
    expect(stale.every((notice) => [users.admin.id, users.orgAdmin.id].includes(notice.userId))).toBe(true);
    expect(stale[0]).toMatchObject({ link: "/status", params: { error: "rollups unavailable" } });

    // Fresh numbers end the episode; the next failure starts a new one.
    await refreshKpiSnapshots();
    await refreshKpiSnapshots(fail);
    expect(await database.db.notice.count({ where: { kind: "KPIS_STALE", userId: users.orgAdmin.id } })).toBe(2);
  });

  it("warn a share link's creator once when it expires within a day, and prune notices after 30 days", async () => {
    const now = new Date();
    const hours = (count: number) => new Date(now.getTime() + count * 3_600_000);
    const link = (label: string, createdAt: Date, expiresAt: Date, revokedAt: Date | null = null) =>
      database.db.shareLink.create({
        data: {
          tokenHash: `hash-${label}`,
          label,
          createdById: users.manager.id,
          businessUnitId: units.orglight,
          createdAt,
          expiresAt,
          revokedAt,
        },
      });
    const soon = await link("soon", hours(-24 * 10), hours(12));
    await link("short-lived", hours(-2), hours(12));
    await link("later", hours(-24), hours(72));
    await link("revoked", hours(-24 * 10), hours(12), now);
    await link("expired", hours(-24 * 10), hours(-1));

    expect(await sweepNotices(now)).toMatchObject({ shareExpiring: 1 });
    expect(await sweepNotices(now)).toMatchObject({ shareExpiring: 0 });
    const notices = await noticesOf(users.manager.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: "SHARE_EXPIRING", link: "/admin/shares", params: { shareId: soon.id, label: "soon" } });

    const day = 24 * 3_600_000;
    await database.db.notice.createMany({
      data: [
        { userId: users.viewer.id, kind: "RUN_FAILED", params: {}, link: "/", createdAt: new Date(now.getTime() - 31 * day) },
        { userId: users.viewer.id, kind: "RUN_FAILED", params: {}, link: "/", createdAt: new Date(now.getTime() - 29 * day) },
      ],
    });
    expect(await sweepNotices(now)).toEqual({ shareExpiring: 0, pruned: 1 });
    expect((await noticesOf(users.viewer.id)).map((notice) => notice.createdAt.getTime())).toEqual([now.getTime() - 29 * day]);
  });
});

describe("the notices API", () => {
  async function seed(userId: string, count: number) {
    for (let index = 0; index < count; index++) {
      await database.db.notice.create({
        data: { userId, kind: "GENERATOR_ENDED", params: { unit: null, produced: index }, link: "/invoices" },
      });
    }
    return (await noticesOf(userId)).map((notice) => notice.id);
  }

  it("lists only the caller's notices, newest first, a page at a time, with the unread count", async () => {
    const mine = await seed(users.viewer.id, 3);
    await seed(users.analyst.id, 2);
    const first = await call(users.viewer, listRoute, "/api/v1/notices?limit=2");
    expect(first.status).toBe(200);
    const page = first.body.data as { notices: { id: number; params: { produced: number } }[]; unread: number; nextBefore: number | null };
    expect(page.notices.map((notice) => notice.id)).toEqual([mine[2], mine[1]]);
    expect(page.unread).toBe(3);
    const second = (await call(users.viewer, listRoute, `/api/v1/notices?limit=2&before=${page.nextBefore}`)).body.data as typeof page;
    expect(second.notices.map((notice) => notice.id)).toEqual([mine[0]]);
    expect(second.nextBefore).toBeNull();
    expect((await call(users.viewer, listRoute, "/api/v1/notices?limit=0")).body.error?.code).toBe("VALIDATION_FAILED");
  });

  it("marks the caller's notices read, by id or all, never another user's, and tells the caller's tabs", async () => {
    const mine = await seed(users.viewer.id, 3);
    const theirs = await seed(users.analyst.id, 1);
    const some = await call(users.viewer, readRoute, "/api/v1/notices/read", { method: "POST", body: { ids: [mine[0], theirs[0]] } });
    expect(some.body.data).toEqual({ read: 1, unread: 2 });
    expect((await database.db.notice.findUnique({ where: { id: theirs[0] } }))?.readAt).toBeNull();
    expect(noticeEvents(users.viewer.id)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ type: "read", ids: [mine[0], theirs[0]] }) }),
    ]);
    expect(noticeEvents(users.analyst.id)).toEqual([]);

    const all = await call(users.viewer, readRoute, "/api/v1/notices/read", { method: "POST", body: { all: true } });
    expect(all.body.data).toEqual({ read: 2, unread: 0 });
    expect(await database.db.notice.count({ where: { userId: users.analyst.id, readAt: null } })).toBe(1);

    const bad = await call(users.viewer, readRoute, "/api/v1/notices/read", { method: "POST", body: { ids: [] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.code).toBe("VALIDATION_FAILED");
  });
});

describe("realtime channels", () => {
  it("authorize a user's own notices channel for that user only", async () => {
    const facts = { unitSlugs: ["orglight", "perfil"] };
    expect(canSubscribe(users.viewer, CHANNELS.user(users.viewer.id), facts)).toBe(true);
    expect(canSubscribe(users.admin, CHANNELS.user(users.viewer.id), facts)).toBe(false);
    expect(canSubscribe({ role: "ADMIN", businessUnitSlug: null }, CHANNELS.user(users.viewer.id), facts)).toBe(false);
    expect(canSubscribe(users.viewer, `${CHANNELS.user(users.viewer.id)}-x`, facts)).toBe(false);

    const auth = (user: SessionUser, channel: string) =>
      call(user, authRoute, "/api/realtime/auth", { method: "POST", body: { socket_id: "123.456", channel_name: channel }, form: true });
    expect((await auth(users.viewer, CHANNELS.user(users.viewer.id))).status).toBe(200);
    expect((await auth(users.admin, CHANNELS.user(users.viewer.id))).status).toBe(403);
  });

  it("sign presence members with id, name and role only: no email", async () => {
    const response = await call(users.manager, authRoute, "/api/realtime/auth", {
      method: "POST",
      body: { socket_id: "123.456", channel_name: CHANNELS.ofUnit("viewers", "orglight") },
      form: true,
    });
    expect(response.status).toBe(200);
    const member = JSON.parse((response.body as unknown as { channel_data: string }).channel_data) as Record<string, unknown>;
    expect(member).toEqual({ user_id: users.manager.id, user_info: { name: users.manager.name, role: "MANAGER" } });
    expect(JSON.stringify(member)).not.toContain("@");
  });
});
