// The audit log: append-only in the database, written by every instrumented action with who, when, from where,
// the unit and what changed, and read through GET /api/v1/audit within the reader's scope, filtered,
// keyset-paginated and exported as formula-safe CSV.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

import type { OutgoingEvent } from "../lib/realtime/publish";
import type { SessionUser } from "../lib/server/auth/session-user";
import { caller } from "./helpers/app-mocks";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { seedDemoPeople } from "./helpers/demo-people";
import { runFile } from "./helpers/run-file";

vi.hoisted(() => {
  // Realtime publishes fail at once here; addresses come from x-forwarded-for, as behind a trusted proxy.
  process.env.PUSHER_PORT = "9";
  process.env.TRUST_PROXY = "true";
});

let database: TestDatabase;
vi.mock("../lib/server/db", async () => (await import("./helpers/app-mocks")).databaseModule(() => database));
vi.mock("../lib/server/auth/current-user", async () => (await import("./helpers/app-mocks")).callerModule());
vi.mock("../lib/realtime/publish", async (original) => ({
  ...(await original<object>()),
  publishEvents: (_events: readonly OutgoingEvent[]) => Promise.resolve(),
}));
// Pipeline loads handed to `after` wait here; these tests look at what was recorded when the run was queued.
const deferred: (() => Promise<unknown>)[] = [];
vi.mock("next/server", async (original) => ({
  ...(await original<object>()),
  after: (task: () => Promise<unknown>) => void deferred.push(task),
}));

const { env } = await import("../lib/server/env");
const { recordAuditEvent } = await import("../lib/audit/record-audit-event");

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = Partial<Record<"GET" | "POST" | "PATCH" | "DELETE" | "PUT", Handler>>;
// Each route module as its handlers, whatever its path parameters.
const route = (module: object) => module as Route;
const ROUTES: Record<string, Route> = {
  "/api/control/start": route(await import("../app/api/control/start/route")),
  "/api/control/stop": route(await import("../app/api/control/stop/route")),
  "/api/control/reset": route(await import("../app/api/control/reset/route")),
  "/api/v1/pipeline/runs": route(await import("../app/api/v1/pipeline/runs/route")),
  "/api/v1/quarantine/{id}/discard": route(await import("../app/api/v1/quarantine/[id]/discard/route")),
  "/api/v1/quarantine/{id}/reprocess": route(await import("../app/api/v1/quarantine/[id]/reprocess/route")),
  "/api/v1/notifications/targets": route(await import("../app/api/v1/notifications/targets/route")),
  "/api/v1/notifications/targets/{id}": route(await import("../app/api/v1/notifications/targets/[id]/route")),
  "/api/v1/pipeline/sources": route(await import("../app/api/v1/pipeline/sources/route")),
  "/api/v1/pipeline/sources/{id}": route(await import("../app/api/v1/pipeline/sources/[id]/route")),
  "/api/v1/audit": route(await import("../app/api/v1/audit/route")),
};

interface Call {
  query?: Record<string, string | number>;
  body?: unknown;
  id?: number;
  ip?: string;
  requestId?: string;
}

const ADDRESS = "203.0.113.7";
let requests = 0;
async function call(user: SessionUser, method: keyof Route, route: string, { query = {}, body, id, ip = ADDRESS, requestId }: Call = {}) {
  const url = new URL(`http://localhost${route.replace("{id}", String(id))}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  const headers = new Headers({ "x-forwarded-for": `198.51.100.1, ${ip}`, "x-request-id": requestId ?? `audit-test-${(requests += 1)}` });
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers.set("content-type", "application/json");
    payload = JSON.stringify(body);
  }
  const request = new NextRequest(url, { method, headers, body: payload });
  const handler = ROUTES[route]![method]!;
  const response = await caller.run(user, () =>
    handler(request, { params: Promise.resolve<Record<string, string>>(id === undefined ? {} : { id: String(id) }) }),
  );
  const text = await response.text();
  const json = response.headers.get("content-type")?.includes("json")
    ? (JSON.parse(text) as { data: unknown; error: { code: string } | null })
    : null;
  return {
    status: response.status,
    headers: response.headers,
    text,
    data: json?.data,
    error: json?.error ?? null,
    requestId: headers.get("x-request-id")!,
  };
}

interface Entry {
  id: number;
  at: string;
  action: string;
  actor: { id: string; name: string; email: string } | null;
  targetType: string | null;
  targetId: string | null;
  businessUnit: { slug: string; name: string } | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
}
interface Page {
  entries: Entry[];
  older: number | null;
  newer: number | null;
}

const readLog = async (user: SessionUser, query: Record<string, string | number> = {}) => {
  const response = await call(user, "GET", "/api/v1/audit", { query: { limit: 200, ...query } });
  expect(response.status, response.text).toBe(200);
  return response.data as Page;
};
/** The newest stored entry with this action, straight from the table. */
const lastEntry = (action: string) => database.db.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { id: "desc" } });
/** The newest entry of `action` was recorded for `response`'s request, by `actor`, from the address the test sent. */
async function expectRecorded(action: string, actor: SessionUser, response: { requestId: string }, expected: Record<string, unknown>) {
  expect(await lastEntry(action)).toMatchObject({ actorId: actor.id, ip: ADDRESS, requestId: response.requestId, ...expected });
}

let admin: SessionUser;
let orglight: SessionUser;
let perfil: SessionUser;
let analyst: SessionUser;
let units: { orglight: number; perfil: number };

beforeAll(async () => {
  database = await createTestDatabase();
  // Queued runs and CLI runs open their own connections from this setting.
  env.DATABASE_URL = database.url;
  ({ units, admin, orglight, perfil, analyst } = await seedDemoPeople(database, 2_000));
  // Rejected rows to discard and reprocess.
  await runFile(database.url, { file: path.resolve("tests/fixtures/pipeline/every-reason.csv") });
}, 120_000);

describe("the audit table", () => {
  it("takes inserts, but refuses UPDATE, DELETE and TRUNCATE from the app's database role", async () => {
    const { db } = database;
    await recordAuditEvent({ actorId: admin.id, action: "test.append", details: { n: 1 }, ip: "192.0.2.1" });
    const row = await lastEntry("test.append");
    const refused = /append-only/;
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { action: "test.rewritten" } })).rejects.toThrow(refused);
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { ip: null } })).rejects.toThrow(refused);
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(refused);
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET details = '{}' WHERE id = ${row.id}`).rejects.toThrow(refused);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(refused);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(refused);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });

  it("has no route that writes it: GET is the only method", () => {
    expect(Object.keys(ROUTES["/api/v1/audit"]!).filter((name) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name))).toEqual(["GET"]);
  });
});

describe("every instrumented action records who, when, from where, the unit and what changed", () => {
  it("generator start, stop and reset, with the unit the manager controls", async () => {
    const started = await call(orglight, "POST", "/api/control/start", { body: { ratePerSecond: 2, durationSeconds: 10 } });
    expect(started.status, started.text).toBe(200);
    await expectRecorded("generator.start", orglight, started, {
      businessUnitId: units.orglight,
      targetType: "GeneratorState",
      details: { businessUnit: "orglight", ratePerSecond: 2, durationSeconds: 10 },
    });
    const stopped = await call(orglight, "POST", "/api/control/stop");
    await expectRecorded("generator.stop", orglight, stopped, {
      businessUnitId: units.orglight,
      details: { businessUnit: "orglight", wasRunning: true },
    });
    const reset = await call(admin, "POST", "/api/control/reset", { body: { businessUnit: "perfil" } });
    await expectRecorded("generator.reset", admin, reset, {
      businessUnitId: units.perfil,
      details: { businessUnit: "perfil" },
    });
  });

  it("a pipeline run started by an upload, in the uploader's unit", async () => {
    const form = new FormData();
    form.set("preset", "canonical");
    form.set("dryRun", "true");
    form.set(
      "file",
      new File([await import("node:fs/promises").then((fs) => fs.readFile("tests/fixtures/pipeline/every-reason.csv"))], "upload.csv", {
        type: "text/csv",
      }),
    );
    const response = await call(orglight, "POST", "/api/v1/pipeline/runs", { body: form });
    expect(response.status, response.text).toBe(202);
    const runId = (response.data as { runId: number }).runId;
    await expectRecorded("pipeline.run", orglight, response, {
      businessUnitId: units.orglight,
      targetType: "PipelineRun",
      targetId: String(runId),
      details: { source: "UPLOAD", fileName: "upload.csv", preset: "canonical", dryRun: true },
    });
    await Promise.all(deferred.splice(0).map((task) => task()));
  });

  it("a pipeline run from the CLI, with no actor and source CLI", { timeout: 60_000 }, async () => {
    const file = path.resolve("tests/fixtures/pipeline/every-reason.csv");
    await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "scripts/etl.ts", "--file", file, "--dry-run"], {
      env: { ...process.env, DATABASE_URL: database.url, PUSHER_PORT: "9" },
    }).catch((error: { code?: number }) => expect(error.code).toBe(1)); // rejected rows make the CLI exit 1
    const entry = await lastEntry("pipeline.run");
    expect(entry).toMatchObject({
      actorId: null,
      businessUnitId: null,
      details: { source: "CLI", fileName: "every-reason.csv", dryRun: true },
    });
    expect(await database.db.pipelineRun.findUniqueOrThrow({ where: { id: Number(entry.targetId) } })).toMatchObject({
      source: "CLI",
      dryRun: true,
    });
  });

  it("quarantine discard and reprocess, in the unit the row names, with the fix as before → after", async () => {
    const rows = await database.db.quarantinedRow.findMany({
      where: { status: "PENDING", businessUnit: "orglight" },
      orderBy: { id: "asc" },
    });
    const [toDiscard, toFix] = [rows[0]!, rows.find((row) => row.reasonCode === "BAD_NUMBER")!];
    const discarded = await call(admin, "POST", "/api/v1/quarantine/{id}/discard", { id: toDiscard.id });
    expect(discarded.status, discarded.text).toBe(200);
    await expectRecorded("quarantine.discard", admin, discarded, {
      businessUnitId: units.orglight,
      targetType: "QuarantinedRow",
      targetId: String(toDiscard.id),
      details: { runId: toDiscard.runId, rowNumber: toDiscard.rowNumber, reasonCode: toDiscard.reasonCode },
    });

    const canonical = toFix.canonical as Record<string, string>;
    const fixed = await call(admin, "POST", "/api/v1/quarantine/{id}/reprocess", {
      id: toFix.id,
      body: { canonical: { ...canonical, quantity: "2" } },
    });
    expect(fixed.status, fixed.text).toBe(202);
    const { runId } = fixed.data as { runId: number };
    await expectRecorded("quarantine.reprocess", admin, fixed, {
      businessUnitId: units.orglight,
      targetId: String(toFix.id),
      details: { reprocessRunId: runId, before: { quantity: canonical.quantity }, after: { quantity: "2" } },
    });
    expect(await lastEntry("pipeline.run")).toMatchObject({ targetId: String(runId), details: { source: "REPROCESS" } });
    await Promise.all(deferred.splice(0).map((task) => task()));
  });

  it("notification targets added, switched off and removed, never with a Slack webhook in full", async () => {
    const webhook = "https://hooks.slack.com/services/T0AUDIT/B0AUDIT/verysecretwebhooktoken";
    const created = await call(admin, "POST", "/api/v1/notifications/targets", { body: { kind: "SLACK", target: webhook, label: "Ops" } });
    expect(created.status, created.text).toBe(200);
    const id = (created.data as { id: number }).id;
    const updated = await call(admin, "PATCH", "/api/v1/notifications/targets/{id}", { id, body: { enabled: false } });
    expect(updated.status).toBe(200);
    const deleted = await call(admin, "DELETE", "/api/v1/notifications/targets/{id}", { id });
    expect(deleted.status).toBe(200);

    const masked = "https://hooks.slack.com/…/oken";
    const common = { businessUnitId: null, targetType: "NotificationTarget", targetId: String(id) };
    await expectRecorded("notification_target.create", admin, created, {
      ...common,
      details: { kind: "SLACK", target: masked, label: "Ops", enabled: true },
    });
    await expectRecorded("notification_target.update", admin, updated, {
      ...common,
      details: { target: masked, before: { enabled: true }, after: { enabled: false } },
    });
    await expectRecorded("notification_target.delete", admin, deleted, { ...common, details: { target: masked } });
    const stored = await database.db.auditEvent.findMany({ where: { action: { startsWith: "notification_target." } } });
    expect(JSON.stringify(stored)).not.toContain("verysecretwebhooktoken");
    // A missing target is a 404 and records nothing.
    const before = await database.db.auditEvent.count();
    expect((await call(admin, "DELETE", "/api/v1/notifications/targets/{id}", { id })).status).toBe(404);
    expect(await database.db.auditEvent.count()).toBe(before);
  });

  it("remote sources added, changed and removed, their URLs masked", async () => {
    const url = "https://docs.example.com/spreadsheets/d/e/2PACX-secretkey/pub?output=csv&key=abcd1234";
    const created = await call(admin, "POST", "/api/v1/pipeline/sources", { body: { name: "Partner sheet", url, intervalMinutes: 30 } });
    expect(created.status, created.text).toBe(200);
    const id = (created.data as { id: number }).id;
    const before = await database.db.auditEvent.count();
    expect((await call(admin, "PATCH", "/api/v1/pipeline/sources/{id}", { id, body: {} })).status).toBe(422);
    expect(await database.db.auditEvent.count()).toBe(before);
    const newUrl = "https://docs.example.com/spreadsheets/d/e/2PACX-othersecret/pub?output=csv&key=wxyz5678";
    const updated = await call(admin, "PATCH", "/api/v1/pipeline/sources/{id}", {
      id,
      body: { enabled: false, intervalMinutes: 120, url: newUrl, name: "Partner sheet" },
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.data).toMatchObject({ enabled: false, intervalMinutes: 120, url: newUrl });
    await expectRecorded("remote_source.update", admin, updated, {
      businessUnitId: null,
      targetId: String(id),
      details: {
        name: "Partner sheet",
        before: { url: "https://docs.example.com/…/1234", intervalMinutes: 30, enabled: true },
        after: { url: "https://docs.example.com/…/5678", intervalMinutes: 120, enabled: false },
      },
    });
    // Only what changed: the name and preset stayed.
    expect(Object.keys(((await lastEntry("remote_source.update")).details as { before: object }).before).sort()).toEqual([
      "enabled",
      "intervalMinutes",
      "url",
    ]);
    const deleted = await call(admin, "DELETE", "/api/v1/pipeline/sources/{id}", { id });
    expect(deleted.status).toBe(200);
    const masked = "https://docs.example.com/…/1234";
    await expectRecorded("remote_source.create", admin, created, {
      businessUnitId: null,
      targetId: String(id),
      details: { name: "Partner sheet", url: masked, intervalMinutes: 30, preset: "canonical" },
    });
    await expectRecorded("remote_source.delete", admin, deleted, {
      details: { url: "https://docs.example.com/…/5678", enabled: false },
    });
    const stored = JSON.stringify(await database.db.auditEvent.findMany({ where: { action: { startsWith: "remote_source." } } }));
    expect(stored).not.toContain("secretkey");
    expect(stored).not.toContain("othersecret");
  });
});

describe("reading the log", () => {
  it("shows an ADMIN every entry, company-wide ones included, newest first", async () => {
    const { entries } = await readLog(admin);
    expect(entries.length).toBe(await database.db.auditEvent.count());
    expect(entries.map((entry) => entry.id)).toEqual([...entries.map((entry) => entry.id)].sort((a, b) => b - a));
    expect(entries.some((entry) => entry.businessUnit === null)).toBe(true);
    const start = entries.find((entry) => entry.action === "generator.start")!;
    expect(start).toMatchObject({
      actor: { id: orglight.id, name: "Max Manager", email: "manager@pulseboard.local" },
      businessUnit: { slug: "orglight", name: expect.any(String) as string },
      ip: ADDRESS,
      targetType: "GeneratorState",
    });
  });

  it("shows a MANAGER only its unit's entries, and answers 403 for another unit's", async () => {
    const own = await readLog(orglight);
    const expected = await database.db.auditEvent.count({ where: { businessUnitId: units.orglight } });
    expect(own.entries.length).toBe(expected);
    expect(new Set(own.entries.map((entry) => entry.businessUnit?.slug))).toEqual(new Set(["orglight"]));
    // An admin's action about the manager's unit is the manager's to read too.
    expect(own.entries.some((entry) => entry.action === "quarantine.discard" && entry.actor?.id === admin.id)).toBe(true);
    expect((await readLog(orglight, { unit: "orglight" })).entries.length).toBe(expected);

    for (const query of [{ unit: "perfil" }, { unit: "perfil", format: "csv" }] as Record<string, string>[]) {
      const response = await call(orglight, "GET", "/api/v1/audit", { query });
      expect(response.status, JSON.stringify(query)).toBe(403);
      expect(response.error).toMatchObject({ code: "FORBIDDEN" });
    }
    const other = await readLog(perfil);
    expect(other.entries.map((entry) => entry.action)).toEqual(["generator.reset"]);
    expect((await call(analyst, "GET", "/api/v1/audit")).status).toBe(403);
  });

  it("filters by action, actor, date range and unit", async () => {
    expect((await readLog(admin, { action: "generator.start" })).entries.map((entry) => entry.action)).toEqual(["generator.start"]);
    const byManager = await readLog(admin, { actor: "MANAGER@pulse" });
    expect(byManager.entries.length).toBeGreaterThan(0);
    expect(byManager.entries.every((entry) => entry.actor?.email === "manager@pulseboard.local")).toBe(true);
    expect((await readLog(admin, { actor: "Max Man" })).entries).toEqual(byManager.entries);
    expect((await readLog(admin, { actor: "nobody-like-this" })).entries).toEqual([]);

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Nairobi" }).format(new Date());
    const total = (await readLog(admin)).entries.length;
    expect((await readLog(admin, { from: today, to: today })).entries.length).toBe(total);
    expect((await readLog(admin, { to: "2020-01-01" })).entries).toEqual([]);
    expect((await readLog(admin, { from: "2999-01-01" })).entries).toEqual([]);

    const perfilOnly = await readLog(admin, { unit: "perfil" });
    expect(perfilOnly.entries.map((entry) => entry.businessUnit?.slug)).toEqual(["perfil"]);
    for (const query of [
      { from: "2026-05-02", to: "2026-05-01" },
      { unit: "nowhere" },
      { limit: 201 },
      { action: "DROP TABLE" },
      { before: 5, after: 1 },
    ] as Record<string, string | number>[]) {
      const response = await call(admin, "GET", "/api/v1/audit", { query });
      expect(response.status, JSON.stringify(query)).toBe(422);
      expect(response.error).toMatchObject({ code: "VALIDATION_FAILED" });
    }
  });

  it("pages by id: older pages reach every entry once, newer pages come back", async () => {
    const all = (await readLog(admin)).entries.map((entry) => entry.id);
    expect(all.length).toBeGreaterThan(6);
    const seen: number[] = [];
    const pages: Page[] = [];
    let before: number | null | undefined;
    do {
      const page = await readLog(admin, { limit: 3, ...(before ? { before } : {}) });
      pages.push(page);
      seen.push(...page.entries.map((entry) => entry.id));
      before = page.older;
    } while (before);
    expect(seen).toEqual(all);
    expect(pages[0]!.newer).toBeNull();
    expect(pages.at(-1)!.older).toBeNull();
    // From the second page, "newer" leads back to the first.
    const back = await readLog(admin, { limit: 3, after: pages[1]!.newer! });
    expect(back.entries.map((entry) => entry.id)).toEqual(pages[0]!.entries.map((entry) => entry.id));
    expect(back.newer).toBeNull();
    expect(back.older).toBe(pages[0]!.older);
  });
});

describe("the CSV export", () => {
  it("streams every filtered entry, with formulas neutralized and no secret in full", async () => {
    const { db } = database;
    const hostile = await db.user.create({
      data: {
        email: "hostile@example.com",
        name: '=HYPERLINK("http://evil.example","x")',
        role: "MANAGER",
        businessUnitId: units.orglight,
        passwordHash: "x",
      },
    });
    await recordAuditEvent({ actorId: hostile.id, action: "test.formula", details: { note: "+1+1" }, businessUnitId: units.orglight });

    const response = await call(admin, "GET", "/api/v1/audit", { query: { format: "csv" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = response.text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at,actor_name,actor_email,action,target_type,target_id,business_unit,ip,request_id,details");
    expect(lines.length - 1).toBe(await db.auditEvent.count());
    const formula = lines.find((line) => line.includes("test.formula"))!;
    expect(formula).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(response.text).not.toContain("verysecretwebhooktoken");
    expect(response.text).toContain("https://hooks.slack.com/…/oken");

    const start = (await readLog(admin, { action: "generator.start" })).entries[0]!;
    const filtered = await call(admin, "GET", "/api/v1/audit", { query: { format: "csv", action: "generator.start" } });
    const rows = filtered.text.trimEnd().split("\r\n").slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      new RegExp(`^${start.id},${start.at},Max Manager,manager@pulseboard.local,generator.start,GeneratorState,\\d+,orglight,${ADDRESS},`),
    );

    const managers = await call(orglight, "GET", "/api/v1/audit", { query: { format: "csv" } });
    const managerRows = managers.text.trimEnd().split("\r\n").slice(1);
    expect(managerRows.length).toBe(await db.auditEvent.count({ where: { businessUnitId: units.orglight } }));
    expect(managers.text).not.toMatch(/,perfil,/);
  });
});
