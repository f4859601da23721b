// Saved mappings and header detection through their routes: who may list, save, remove and ask for a
// suggestion, within which unit; the validation codes; the audit entries; and uploads that run with a
// saved mapping, or with none and let the header decide.
import { readFile } from "node:fs/promises";

import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

import type { SessionUser } from "../lib/server/auth/session-user";
import { caller } from "./helpers/app-mocks";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { seedDemoPeople } from "./helpers/demo-people";

vi.hoisted(() => {
  // Realtime publishes fail at once here, rather than reach a dev server on the default port.
  process.env.PUSHER_PORT = "9";
});

let database: TestDatabase;
vi.mock("../lib/server/db", async () => (await import("./helpers/app-mocks")).databaseModule(() => database));
vi.mock("../lib/server/auth/current-user", async () => (await import("./helpers/app-mocks")).callerModule());
// Uploaded runs load after the response (`after`): collected here and run when a test wants the outcome.
const deferred: (() => Promise<unknown>)[] = [];
vi.mock("next/server", async (original) => ({
  ...(await original<object>()),
  after: (task: () => Promise<unknown>) => void deferred.push(task),
}));

const { env } = await import("../lib/server/env");

type Handler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response>;
const routes: Record<string, Handler> = {
  "GET /api/v1/pipeline/mappings": (await import("../app/api/v1/pipeline/mappings/route")).GET,
  "POST /api/v1/pipeline/mappings": (await import("../app/api/v1/pipeline/mappings/route")).POST,
  "DELETE /api/v1/pipeline/mappings/{id}": (await import("../app/api/v1/pipeline/mappings/[id]/route")).DELETE,
  "POST /api/v1/pipeline/mappings/suggest": (await import("../app/api/v1/pipeline/mappings/suggest/route")).POST,
  "POST /api/v1/pipeline/runs": (await import("../app/api/v1/pipeline/runs/route")).POST,
};

interface Answer<T = unknown> {
  status: number;
  data: T;
  error: { code: string; message: string; details?: unknown } | null;
}

async function call<T = unknown>(user: SessionUser, route: string, { id, body }: { id?: number | string; body?: unknown } = {}) {
  const [method, template] = route.split(" ") as [string, string];
  const url = `http://localhost${template.replace("{id}", String(id))}`;
  const init =
    body instanceof FormData
      ? { method, body }
      : typeof body === "string"
        ? { method, body, headers: { "content-type": "application/json" } }
        : { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) };
  const params = Promise.resolve(id === undefined ? {} : { id: String(id) }) as Promise<never>;
  const response = await caller.run(user, () => routes[route]!(new NextRequest(url, init), { params }));
  const json = (await response.json()) as Omit<Answer<T>, "status">;
  return { status: response.status, data: json.data, error: json.error } as Answer<T>;
}

interface SavedView {
  id: number;
  name: string;
  mapping: { columns: Record<string, string>; constants: Record<string, string>; dateFormat: string };
  businessUnit: { slug: string; name: string } | null;
  createdBy: string | null;
}

// A till export no preset knows: the shape the dialog suggests a mapping for.
const TILL_HEADER = ["Invoice No", "Sale Date", "Item", "Qty", "Unit Price", "Outlet"];
const TILL_ROWS = [
  ["MAP-1", "13/01/2025", "SKU-SOAP", "2", "1.50", "MAP-OUTLET"],
  ["MAP-2", "14/01/2025", "SKU-RICE", "1", "3.20", "MAP-OUTLET"],
];
const tillMapping = (unit: string) => ({
  dateFormat: "D/M/YYYY",
  sourceKey: "till",
  columns: {
    order_id: "Invoice No",
    order_date: "Sale Date",
    branch: "Outlet",
    product_sku: "Item",
    quantity: "Qty",
    unit_price: "Unit Price",
  },
  constants: { line: "1", business_unit: unit, region: "MAP-REGION", salesperson: "till", customer: "walk-in" },
});
const csvOf = (header: string[], rows: string[][]) => [header, ...rows].map((fields) => fields.join(",")).join("\n");
const uploadForm = (text: string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set("file", new File([text], "till.csv", { type: "text/csv" }));
  return form;
};

let admin: SessionUser;
let orglight: SessionUser;
let perfil: SessionUser;
let analyst: SessionUser;
let viewer: SessionUser;
let units: { orglight: number; perfil: number };

beforeAll(async () => {
  database = await createTestDatabase();
  // Queued runs open their own connections from this setting.
  env.DATABASE_URL = database.url;
  ({ units, admin, orglight, perfil, analyst } = await seedDemoPeople(database, 1_000));
  viewer = { ...analyst, role: "VIEWER" };
}, 120_000);

describe("who may do what", () => {
  it("a VIEWER may not list, save, remove or ask for a suggestion", async () => {
    for (const route of Object.keys(routes).filter((route) => route.includes("/mappings"))) {
      const answer = await call(viewer, route, { id: 1, body: route.startsWith("GET") ? undefined : { header: ["a"] } });
      expect(answer.status, route).toBe(403);
    }
  });

  it("an ANALYST lists and asks for suggestions, but neither saves nor removes", async () => {
    expect((await call(analyst, "GET /api/v1/pipeline/mappings")).status).toBe(200);
    expect((await call(analyst, "POST /api/v1/pipeline/mappings/suggest", { body: { header: TILL_HEADER } })).status).toBe(200);
    const saved = await call(analyst, "POST /api/v1/pipeline/mappings", { body: { name: "Analyst's", mapping: tillMapping("perfil") } });
    expect(saved.status).toBe(403);
    expect((await call(analyst, "DELETE /api/v1/pipeline/mappings/{id}", { id: 1 })).status).toBe(403);
  });
});

describe("saving, listing and removing", () => {
  it("a MANAGER saves under its unit, audited with it; the unit's other readers see it, another unit's manager does not", async () => {
    const saved = await call<SavedView>(orglight, "POST /api/v1/pipeline/mappings", {
      body: { name: "  Till export  ", mapping: tillMapping("orglight") },
    });
    expect(saved.status, JSON.stringify(saved.error)).toBe(201);
    expect(saved.data).toMatchObject({ name: "Till export", businessUnit: { slug: "orglight" }, createdBy: orglight.name });
    // Stored with the defaults filled in, as a run will read it.
    expect(saved.data.mapping).toMatchObject({ delimiter: "auto", encoding: "utf-8", ...tillMapping("orglight") });
    const entry = await database.db.auditEvent.findFirstOrThrow({ where: { action: "saved_mapping.create" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({
      actorId: orglight.id,
      targetType: "SavedMapping",
      targetId: String(saved.data.id),
      businessUnitId: units.orglight,
      details: { name: "Till export" },
    });

    const names = async (user: SessionUser) =>
      (await call<SavedView[]>(user, "GET /api/v1/pipeline/mappings")).data.map((view) => view.name);
    expect(await names(orglight)).toContain("Till export");
    expect(await names(admin)).toContain("Till export");
    expect(await names(perfil)).not.toContain("Till export");
    // Another unit's mapping is not there to remove, nor to run with.
    expect((await call(perfil, "DELETE /api/v1/pipeline/mappings/{id}", { id: saved.data.id })).status).toBe(404);
    const upload = await call(perfil, "POST /api/v1/pipeline/runs", {
      body: uploadForm(csvOf(TILL_HEADER, TILL_ROWS), { savedMapping: String(saved.data.id) }),
    });
    expect(upload.status).toBe(422);
    expect(upload.error?.code).toBe("BAD_MAPPING");
  });

  it("names are unique per unit: the same name in another unit is fine, twice in one unit is 409", async () => {
    const save = (user: SessionUser, name: string, unit: string) =>
      call<SavedView>(user, "POST /api/v1/pipeline/mappings", { body: { name, mapping: tillMapping(unit) } });
    expect((await save(orglight, "Shared name", "orglight")).status).toBe(201);
    expect((await save(perfil, "Shared name", "perfil")).status).toBe(201);
    const again = await save(orglight, "Shared name", "orglight");
    expect(again.status).toBe(409);
    expect(again.error?.code).toBe("MAPPING_NAME_TAKEN");
    // Company-wide ones (an unscoped creator's) too, though their unit is null.
    expect((await save(admin, "Company-wide", "perfil")).status).toBe(201);
    expect((await save(admin, "Company-wide", "perfil")).error?.code).toBe("MAPPING_NAME_TAKEN");
  });

  it("a scoped manager sees company-wide mappings but may not remove them; an admin may", async () => {
    const created = await call<SavedView>(admin, "POST /api/v1/pipeline/mappings", {
      body: { name: "For everyone", mapping: tillMapping("perfil") },
    });
    expect(created.data.businessUnit).toBeNull();
    const seen = (await call<SavedView[]>(perfil, "GET /api/v1/pipeline/mappings")).data.map((view) => view.name);
    expect(seen).toContain("For everyone");
    expect((await call(perfil, "DELETE /api/v1/pipeline/mappings/{id}", { id: created.data.id })).error?.code).toBe("FORBIDDEN");
    const removed = await call(admin, "DELETE /api/v1/pipeline/mappings/{id}", { id: created.data.id });
    expect(removed).toMatchObject({ status: 200, data: { deleted: true } });
    expect((await call(admin, "DELETE /api/v1/pipeline/mappings/{id}", { id: created.data.id })).status).toBe(404);
    const entry = await database.db.auditEvent.findFirstOrThrow({ where: { action: "saved_mapping.delete" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({
      actorId: admin.id,
      targetId: String(created.data.id),
      businessUnitId: null,
      details: { name: "For everyone" },
    });
  });

  it("a manager removes its unit's mapping, and it leaves the list", async () => {
    const created = await call<SavedView>(perfil, "POST /api/v1/pipeline/mappings", {
      body: { name: "Short-lived", mapping: tillMapping("perfil") },
    });
    expect((await call(perfil, "DELETE /api/v1/pipeline/mappings/{id}", { id: created.data.id })).status).toBe(200);
    const names = (await call<SavedView[]>(perfil, "GET /api/v1/pipeline/mappings")).data.map((view) => view.name);
    expect(names).not.toContain("Short-lived");
  });

  it.each([
    ["no name", { mapping: tillMapping("orglight") }, 422, "VALIDATION_FAILED"],
    ["a blank name", { name: "   ", mapping: tillMapping("orglight") }, 422, "VALIDATION_FAILED"],
    ["an unknown canonical column", { name: "x", mapping: { columns: { order_number: "A" } } }, 422, "VALIDATION_FAILED"],
    ["an unknown delimiter", { name: "x", mapping: { ...tillMapping("orglight"), delimiter: "|" } }, 422, "VALIDATION_FAILED"],
    ["a bad source key", { name: "x", mapping: { ...tillMapping("orglight"), sourceKey: "Not OK" } }, 422, "VALIDATION_FAILED"],
    ["a required column unmapped", { name: "x", mapping: { columns: { order_id: "A" } } }, 422, "MAPPING_INCOMPLETE"],
    ["not JSON", "{", 400, "BAD_REQUEST"],
  ])("refuses %s with its code", async (_case, body, status, code) => {
    const answer = await call(orglight, "POST /api/v1/pipeline/mappings", { body });
    expect(answer.status).toBe(status);
    expect(answer.error?.code).toBe(code);
  });

  it("says which required columns an incomplete mapping leaves unmapped", async () => {
    const answer = await call(orglight, "POST /api/v1/pipeline/mappings", {
      body: { name: "x", mapping: { columns: { order_id: "A", order_date: "B", quantity: "C" }, constants: { line: "1" } } },
    });
    expect(answer.error?.details).toEqual({
      missing: ["business_unit", "region", "branch", "salesperson", "customer", "product_sku", "unit_price|line_amount"],
    });
  });

  it("refuses a path id that is not one", async () => {
    expect((await call(admin, "DELETE /api/v1/pipeline/mappings/{id}", { id: "abc" })).error?.code).toBe("VALIDATION_FAILED");
  });
});

describe("POST /api/v1/pipeline/mappings/suggest", () => {
  it("names the preset a header matches, whatever its case and spacing", async () => {
    const header = ["row id", "ORDER ID", "Order  Date", "Customer ID", "Region", "State", "Product ID", "Quantity", "Sales", "Profit"];
    const answer = await call<{ match: string; name: string }>(analyst, "POST /api/v1/pipeline/mappings/suggest", { body: { header } });
    expect(answer.data).toMatchObject({ match: "preset", name: "superstore", missing: [] });
  });

  it("suggests a complete mapping for an unknown header, filed under a scoped user's unit", async () => {
    const answer = await call<{ match: string; mapping: { constants: Record<string, string> }; missing: string[] }>(
      perfil,
      "POST /api/v1/pipeline/mappings/suggest",
      { body: { header: TILL_HEADER.map((name) => name.replace("Outlet", "Shop")), samples: TILL_ROWS } },
    );
    expect(answer.data).toMatchObject({ match: "suggested", missing: [] });
    expect(answer.data.mapping.constants.business_unit).toBe("perfil");
  });

  it("leaves the unit to an unscoped user, and says so", async () => {
    const answer = await call<{ missing: string[] }>(admin, "POST /api/v1/pipeline/mappings/suggest", {
      body: { header: ["Ref", "Outlet"], samples: [["A", "B"]] },
    });
    expect(answer.data.missing).toEqual(["order_id", "order_date", "business_unit", "product_sku", "quantity", "unit_price|line_amount"]);
  });

  it("recognizes a saved mapping the caller may use, never another unit's", async () => {
    const header = ["Ticket", "Day", "Code", "Pieces", "Each", "Till"];
    const mapping = {
      columns: { order_id: "Ticket", order_date: "Day", product_sku: "Code", quantity: "Pieces", unit_price: "Each", branch: "Till" },
      constants: { line: "1", business_unit: "orglight", region: "r", salesperson: "s", customer: "c" },
    };
    const saved = await call<SavedView>(orglight, "POST /api/v1/pipeline/mappings", { body: { name: "Tickets", mapping } });
    const mine = await call(orglight, "POST /api/v1/pipeline/mappings/suggest", { body: { header } });
    expect(mine.data).toMatchObject({ match: "saved", name: "Tickets", savedMappingId: saved.data.id });
    const theirs = await call(perfil, "POST /api/v1/pipeline/mappings/suggest", { body: { header } });
    expect(theirs.data).toMatchObject({ match: "suggested" });
  });

  it.each([
    ["no header", { samples: [] }],
    ["an empty header", { header: [] }],
    ["too many sample rows", { header: ["a"], samples: Array.from({ length: 21 }, () => ["1"]) }],
    ["an over-long sample value", { header: ["a"], samples: [["x".repeat(201)]] }],
  ])("refuses %s (422)", async (_case, body) => {
    const answer = await call(analyst, "POST /api/v1/pipeline/mappings/suggest", { body });
    expect(answer.status).toBe(422);
    expect(answer.error?.code).toBe("VALIDATION_FAILED");
  });
});

describe("uploads", () => {
  /** Runs the loads the uploads queued, and reads the run back. */
  async function loaded(runId: number) {
    await Promise.all(deferred.splice(0).map((task) => task()));
    return database.db.pipelineRun.findUniqueOrThrow({ where: { id: runId } });
  }

  it("run with a saved mapping by id, recording the mapping used", async () => {
    const saved = await call<SavedView>(orglight, "POST /api/v1/pipeline/mappings", {
      body: { name: "Till for runs", mapping: tillMapping("orglight") },
    });
    const upload = await call<{ runId: number }>(orglight, "POST /api/v1/pipeline/runs", {
      body: uploadForm(csvOf(TILL_HEADER, TILL_ROWS), { savedMapping: String(saved.data.id) }),
    });
    expect(upload.status, JSON.stringify(upload.error)).toBe(202);
    const run = await loaded(upload.data.runId);
    expect(run).toMatchObject({
      status: "SUCCEEDED",
      preset: null,
      rowsRead: 2,
      rowsInserted: 2,
      rowsRejected: 0,
      mapping: saved.data.mapping,
    });
    const sales = await database.db.sale.findMany({ where: { sourceRunId: run.id }, select: { externalKey: true, soldAt: true } });
    expect(sales.map((sale) => sale.externalKey).sort()).toEqual(["till:MAP-1:1", "till:MAP-2:1"]);
  });

  it("with neither preset nor mapping, use the preset the header matches, spelled as the file spells it", async () => {
    const text = await readFile("tests/fixtures/pipeline/every-reason.csv", "utf8");
    const [header, ...rows] = text.split("\n");
    const upload = await call<{ runId: number }>(admin, "POST /api/v1/pipeline/runs", {
      body: uploadForm([header!.toUpperCase(), ...rows].join("\n"), { dryRun: "true" }),
    });
    expect(upload.status, JSON.stringify(upload.error)).toBe(202);
    const run = await loaded(upload.data.runId);
    expect(run).toMatchObject({ status: "SUCCEEDED", preset: "canonical", dryRun: true });
    expect((run.mapping as { columns: Record<string, string> }).columns.order_id).toBe("ORDER_ID");
    expect(run.rowsValid).toBeGreaterThan(0);
  });

  it("with neither, and a header nothing matches, answer 422 MAPPING_REQUIRED with a suggestion", async () => {
    const upload = await call(perfil, "POST /api/v1/pipeline/runs", {
      body: uploadForm(csvOf(["Ref", ...TILL_HEADER.slice(1)], TILL_ROWS)),
    });
    expect(upload.status).toBe(422);
    expect(upload.error).toMatchObject({ code: "MAPPING_REQUIRED", details: { match: "suggested", missing: ["order_id"] } });
    expect(deferred).toHaveLength(0);
  });

  it("with neither, and a header matching a saved mapping, run with it", async () => {
    const upload = await call<{ runId: number }>(orglight, "POST /api/v1/pipeline/runs", {
      body: uploadForm(csvOf(TILL_HEADER, TILL_ROWS), { dryRun: "true" }),
    });
    expect(upload.status, JSON.stringify(upload.error)).toBe(202);
    const run = await loaded(upload.data.runId);
    // Of the saved mappings that fit, the unit's own before the company-wide "Company-wide" (filed under perfil).
    expect(run).toMatchObject({ status: "SUCCEEDED", preset: null, rowsRejected: 0, rowsUnchanged: 2 });
  });
});
