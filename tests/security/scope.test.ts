// A manager scoped to one unit learns nothing of another unit over realtime or diagnostics:
// not its runs, not its KPI scheduler state, not its latest sale.
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
// Realtime calls fail at once here, rather than reach a dev server on the default port.
vi.hoisted(() => (process.env.PUSHER_PORT = "9"));

const { authorizeSubscription } = await import("../../lib/realtime/authorize-subscription");
const { getDiagnostics } = await import("../../lib/status/get-diagnostics");
const { listSources } = await import("../../lib/pipeline/remote-sources");
const { detectMappingFor, listSavedMappings } = await import("../../lib/pipeline/saved-mappings");
const { PRESETS } = await import("../../lib/pipeline/mapping");

const CSV = (unit: string, order: string, day: string) =>
  [
    "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,product_name,product_line,category,quantity,unit_price,unit_cost,discount",
    `${order},1,${day},${unit},R,B-${unit},rep-${unit},c,SKU-${unit},P,L,C,1,10,6,0`,
  ].join("\n");

let units: Record<string, { id: number; slug: string }>;
const runs: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  units = await createBusinessUnits(database.db);
  for (const [slug, day] of [
    ["orglight", "2026-05-01"],
    ["perfil", "2026-06-01"],
  ] as const) {
    const run = await runFile(database.url, { text: CSV(slug, `O-${slug}`, day), fileName: `${slug}.csv` }, { scope: units[slug] });
    runs[slug] = run.id;
  }
  runs.all = (await runFile(database.url, { text: CSV("perfil", "O-all", "2026-06-02"), fileName: "all.csv" })).id;
  await database.db.kpiSnapshot.createMany({
    data: ["all", "orglight", "perfil"].map((scope) => ({ scope, version: 1, computedAt: new Date(), payload: {} })),
  });
});

describe("a scoped manager", () => {
  const manager = () => testUser("MANAGER", units.orglight!);

  it("may follow its unit's runs, not another unit's or every unit's", async () => {
    await expect(authorizeSubscription(manager(), "1.2", `private-pipeline-run-${runs.orglight}`)).resolves.toHaveProperty("auth");
    for (const channel of [
      `private-pipeline-run-${runs.perfil}`,
      `private-pipeline-run-${runs.all}`,
      "private-pipeline-run-424242",
      "private-pipeline",
    ]) {
      await expect(authorizeSubscription(manager(), "1.2", channel), channel).rejects.toMatchObject({ status: 403 });
    }
    await expect(authorizeSubscription(testUser("ANALYST", null), "1.2", `private-pipeline-run-${runs.perfil}`)).resolves.toHaveProperty(
      "auth",
    );
  });

  it("sees diagnostics of its unit only, and no versions or hosts", async () => {
    const diagnostics = await getDiagnostics(manager());
    expect(diagnostics.scheduler.map((row) => row.scope)).toEqual(["orglight"]);
    expect(diagnostics.ingestion.lastSaleAt?.slice(0, 10)).toBe("2026-04-30");
    expect(diagnostics.versions).toBeUndefined();
    expect(diagnostics.health.database).not.toHaveProperty("details");
    const admin = await getDiagnostics(testUser("ADMIN", null));
    expect(admin.scheduler.map((row) => row.scope)).toEqual(["all", "orglight", "perfil"]);
    expect(admin.versions?.node).toMatch(/^v/);
  });

  it("sees no remote sources (they load every unit), and an analyst sees their URLs masked", async () => {
    const url = "https://sheets.example.com/published/secret-key-1234/export.csv";
    await database.db.remoteSource.create({ data: { name: "Sheet", url } });
    expect(await listSources(manager())).toEqual([]);
    expect((await listSources(testUser("ANALYST", null)))[0]?.url).toBe("https://sheets.example.com/…/.csv");
    expect((await listSources(testUser("ADMIN", null)))[0]?.url).toBe(url);
  });
  it("sees its unit's saved mappings and the company-wide ones, never another unit's, in lists or detection", async () => {
    const perfilOnly = { ...PRESETS.canonical, columns: { ...PRESETS.canonical.columns, order_id: "Perfil Ref" } };
    await database.db.savedMapping.createMany({
      data: [
        { name: "Orglight's", mapping: PRESETS.canonical, businessUnitId: units.orglight!.id },
        { name: "Perfil's", mapping: perfilOnly, businessUnitId: units.perfil!.id },
        { name: "Everyone's", mapping: PRESETS.canonical },
      ],
    });
    expect((await listSavedMappings(manager())).map((view) => view.name)).toEqual(["Everyone's", "Orglight's"]);
    expect((await listSavedMappings(testUser("ADMIN", null))).map((view) => view.name)).toEqual(["Everyone's", "Orglight's", "Perfil's"]);
    const header = Object.values(perfilOnly.columns).flat();
    expect(await detectMappingFor(testUser("MANAGER", units.perfil!), { header, samples: [] })).toMatchObject({
      match: "saved",
      name: "Perfil's",
    });
    expect(await detectMappingFor(manager(), { header, samples: [] })).toMatchObject({ match: "suggested" });
  });
});
