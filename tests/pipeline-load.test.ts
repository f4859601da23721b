import { spawn } from "node:child_process";
import { createReadStream, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import type { PipelineRequest } from "../lib/pipeline/run-pipeline";
import { writeSampleFile } from "../lib/pipeline/sample-file";
import { RUN_EVENT } from "../lib/pipeline/types";
import { CHANNELS } from "../lib/realtime/channels";
import type { LiveMessage } from "../lib/realtime/live-message";
import { seedDemoData } from "../lib/seed/seed-demo-data";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { expectRollupsExact } from "./helpers/expect-rollups-exact";
import { runFile } from "./helpers/run-file";
import { createClient, createPublisher, recordEvents, startServer, subscribed, waitUntil } from "./realtime/helpers";

let database: TestDatabase;
const CRAFTED = path.resolve("tests/fixtures/pipeline/every-reason.csv");

function load({ text, ...overrides }: Partial<PipelineRequest> & { text?: string } = {}) {
  return runFile(database.url, text === undefined ? { file: CRAFTED } : { text, fileName: "every-reason.csv" }, overrides);
}

const reasons = async (runId: number) =>
  (await database.db.quarantinedRow.findMany({ where: { runId }, orderBy: { rowNumber: "asc" } })).map((row) => [
    row.rowNumber,
    row.reasonCode,
  ]);
const salesOf = (runId: number) => database.db.sale.count({ where: { sourceRunId: runId } });

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.url, { lines: 1_000, now: new Date("2026-05-14T12:00:00Z") });
});

describe("a crafted file", () => {
  it("dry run: counts everything, writes no sales and no dimensions", async () => {
    const before = await database.db.sale.count();
    const run = await load({ dryRun: true });
    expect(run).toMatchObject({ status: "SUCCEEDED", dryRun: true, rowsRead: 14, rowsValid: 4, rowsRejected: 10, rowsInserted: 4 });
    expect(await database.db.sale.count()).toBe(before);
    expect(await database.db.branch.count({ where: { code: "TST-A" } })).toBe(0);
    expect(await database.db.quarantinedRow.count({ where: { runId: run.id } })).toBe(10);
  });

  it("produces every reason code, one per bad row", async () => {
    const run = await load();
    expect(run).toMatchObject({ status: "SUCCEEDED", rowsRead: 14, rowsValid: 4, rowsRejected: 10, rowsInserted: 4, rowsUpdated: 0 });
    expect(await reasons(run.id)).toEqual([
      [4, "MISSING_FIELD"],
      [5, "BAD_NUMBER"],
      [6, "BAD_DATE"],
      [7, "NON_POSITIVE_QUANTITY"],
      [8, "NEGATIVE_PRICE"],
      [9, "DISCOUNT_OUT_OF_RANGE"],
      [10, "UNKNOWN_BUSINESS_UNIT"],
      [11, "DUPLICATE_IN_FILE"],
      [12, "FIELD_TOO_LONG"],
      [13, "INCONSISTENT_DIMENSION"],
    ]);
    const gadget = await database.db.sale.findUniqueOrThrow({ where: { externalKey: "canonical:T-12:1" } });
    // 4 × 5 × (1 − 0.25) = 15; 09:30 at +03:00 is 06:30 UTC.
    expect(gadget.revenue.toFixed(4)).toBe("15.0000");
    expect(gadget.cost.toFixed(4)).toBe("10.0000");
    expect(gadget.soldAt.toISOString()).toBe("2026-05-03T06:30:00.000Z");
    const widget = await database.db.sale.findUniqueOrThrow({ where: { externalKey: "canonical:T-1:1" } });
    // A naive date is midnight in the business time zone (Nairobi, UTC+3).
    expect(widget.soldAt.toISOString()).toBe("2026-04-30T21:00:00.000Z");
    await expectRollupsExact(database);
  });

  it("loaded twice changes nothing; an edited value is one update", async () => {
    const again = await load();
    expect(again).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 4 });
    const text = readFileSync(CRAFTED, "utf8").replace(
      "T-2,1,2026-05-02,orglight,Test Region,TST-A,tst-rep,tst-cust,TST-SKU-1,Widget,Tools,Hand tools,3",
      "T-2,1,2026-05-02,orglight,Test Region,TST-A,tst-rep,tst-cust,TST-SKU-1,Widget,Tools,Hand tools,5",
    );
    const edited = await load({ text, bulkThreshold: 1 });
    expect(edited).toMatchObject({ rowsInserted: 0, rowsUpdated: 1, rowsUnchanged: 3 });
    await expectRollupsExact(database);
  });

  it("scoped to orglight, rejects the perfil row as OUT_OF_SCOPE, and another unit's existing key in SQL", async () => {
    const orglight = await database.db.businessUnit.findUniqueOrThrow({ where: { slug: "orglight" } });
    const run = await load({ scope: { id: orglight.id, slug: "orglight" } });
    expect((await reasons(run.id)).at(-1)).toEqual([14, "OUT_OF_SCOPE"]);
    // T-12 exists under perfil: an orglight file may not take it over.
    const takeover =
      "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,quantity,unit_price\nT-12,1,2026-05-03,orglight,Test Region,TST-A,tst-rep,tst-cust,TST-SKU-3,1,1\n";
    const refused = await load({ text: takeover, scope: { id: orglight.id, slug: "orglight" } });
    expect(refused).toMatchObject({ status: "SUCCEEDED", rowsRejected: 1, rowsValid: 0 });
    expect(await reasons(refused.id)).toEqual([[1, "OUT_OF_SCOPE"]]);
  });

  it("fails clearly when a required column is missing, writing nothing", async () => {
    const run = await load({ text: "order_id,line\nA,1\n" });
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatch(/no column "order_date"/);
    expect(run).toMatchObject({ rowsRead: 0, rowsValid: 0, rowsRejected: 0 });
  });
});

describe("a run killed mid-load", () => {
  it("leaves no rows, and is marked FAILED when the next run starts", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pipeline-kill-"));
    const file = path.join(dir, "big.csv");
    await writeSampleFile(file, { lines: 400_000, orderPrefix: "B-" });
    // Node itself (not npx), so SIGKILL hits the process holding the transaction.
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/etl.ts", "--file", file], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: "pipe",
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // Wait for the first progress line: rows are being staged inside the open transaction.
    await expect.poll(() => output, { timeout: 30_000, interval: 100 }).toMatch(/read [\d,]+ rows/);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const killed = await database.db.pipelineRun.findFirstOrThrow({ where: { fileName: "big.csv" } });
    expect(killed.status).toBe("RUNNING");
    // The server notices the dropped connection and rolls back; give it a moment.
    await expect.poll(() => salesOf(killed.id), { timeout: 5_000 }).toBe(0);
    await expect
      .poll(
        async () => (
          await load({ text: "order_id\n" }),
          (await database.db.pipelineRun.findUniqueOrThrow({ where: { id: killed.id } })).status
        ),
        { timeout: 10_000 },
      )
      .toBe("FAILED");
    expect(await database.db.sale.count({ where: { externalKey: { startsWith: "canonical:B-" } } })).toBe(0);
  }, 90_000);
});

describe("a CLI run", () => {
  it("is live like an upload: the runs channel and the run's own channel follow it", async () => {
    const server = await startServer();
    const subscriber = createClient(server.port, createPublisher(server.port));
    try {
      const runs = recordEvents(await subscribed(subscriber, CHANNELS.pipeline));
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/etl.ts", "--file", CRAFTED], {
        env: { ...process.env, DATABASE_URL: database.url, PUSHER_HOST: "127.0.0.1", PUSHER_PORT: String(server.port) },
        stdio: "pipe",
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exitCode = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(exitCode, output).toBe(0);
      const statuses = () =>
        runs.filter((entry) => entry.event === RUN_EVENT).map((entry) => (entry.data as LiveMessage<{ status: string }>).data?.status);
      await waitUntil("the finished run on private-pipeline", () => statuses().includes("SUCCEEDED"));
      expect(statuses()).toEqual(["RUNNING", "SUCCEEDED"]);
    } finally {
      subscriber.disconnect();
      await server.close();
    }
  }, 60_000);
});

describe("a big load (set-based rollups)", () => {
  const schemaOfSale = () =>
    database.db.$queryRawUnsafe<{ definition: string }[]>(
      `SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index WHERE indrelid = '"Sale"'::regclass
       UNION ALL SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"Sale"'::regclass ORDER BY 1`,
    );

  it("builds the indexes after a load bigger than the table, adds new orders to their buckets, and stays exact", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pipeline-big-"));
    const file = path.join(dir, "big.csv");
    await writeSampleFile(file, { lines: 6_000, lastDay: "2026-02-01", orderPrefix: "B-" });
    const before = await schemaOfSale();
    expect(await database.db.sale.count()).toBeLessThan(6_000);
    const first = await load({ open: () => createReadStream(file) });
    expect(first).toMatchObject({ status: "SUCCEEDED", rowsInserted: 6_000 });
    expect(await schemaOfSale()).toEqual(before);
    await expectRollupsExact(database);

    // Ten changed quantities, a fifth line for order B-1 (an order already stored) and a new order, in one big load.
    const [header, ...lines] = readFileSync(file, "utf8").trimEnd().split("\n");
    // No generated name holds a comma, so splitting on commas finds the quantity.
    const withQuantity = (line: string, quantity: number) =>
      line.split(",").with(header!.split(",").indexOf("quantity"), String(quantity)).join(",");
    const edited = [
      header,
      // Above any quantity the generator writes, so each is a change.
      ...lines.map((line, index) => (index < 10 ? withQuantity(line, 1_000 + index) : line)),
      lines[0]!.replace(/^B-1,1,/, "B-1,5,"),
      lines[1]!.replace(/^B-1,2,/, "NEW-1,1,"),
    ].join("\n");
    const second = await load({ text: edited });
    expect(second).toMatchObject({ status: "SUCCEEDED", rowsInserted: 2, rowsUpdated: 10, rowsUnchanged: 5_990 });
    await expectRollupsExact(database);
  }, 60_000);

  it("as a table owner that is not a superuser: foreign keys are dropped and re-added around a big load, exactly", async () => {
    // A hosted database's owner role: it may alter "Sale" but not skip foreign-key checks.
    const role = `loader_${Date.now()}`;
    await database.db.$executeRawUnsafe(`CREATE ROLE ${role} LOGIN PASSWORD 'loader-pass'`);
    await database.db.$executeRawUnsafe(`GRANT ALL ON SCHEMA public TO ${role}`);
    await database.db.$executeRawUnsafe(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${role}`);
    await database.db.$executeRawUnsafe(`GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await database.db.$executeRawUnsafe(`ALTER TABLE "Sale" OWNER TO ${role}`);
    const url = new URL(database.url);
    url.username = role;
    url.password = "loader-pass";
    const dir = await mkdtemp(path.join(os.tmpdir(), "pipeline-owner-"));
    const file = path.join(dir, "big.csv");
    // Orders of their own, so every line is new.
    await writeSampleFile(file, { lines: 12_000, lastDay: "2026-03-01", orderPrefix: "O-" });
    const before = await schemaOfSale();
    const run = await load({ databaseUrl: url.toString(), open: () => createReadStream(file) });
    expect(run, run.error ?? "").toMatchObject({ status: "SUCCEEDED", rowsInserted: 12_000 });
    expect(await schemaOfSale()).toEqual(before);
    await expectRollupsExact(database);
  }, 60_000);

  it("reloads rows whose hash is missing as unchanged, and records their hash for the next reload", async () => {
    await database.db.$executeRawUnsafe(`UPDATE "Sale" SET "rowHash" = NULL WHERE "externalKey" LIKE 'canonical:B-%'`);
    const dir = await mkdtemp(path.join(os.tmpdir(), "pipeline-hash-"));
    const file = path.join(dir, "big.csv");
    await writeSampleFile(file, { lines: 6_000, lastDay: "2026-02-01", orderPrefix: "B-" });
    const reload = await load({ open: () => createReadStream(file) });
    // The first ten rows are back to their original quantities: ten updates, the rest unchanged.
    expect(reload).toMatchObject({ rowsInserted: 0, rowsUpdated: 10, rowsUnchanged: 5_990 });
    const unhashed = await database.db.sale.findMany({ where: { externalKey: { startsWith: "canonical:B-" }, rowHash: null } });
    // Only B-1's fifth line, which this file lacks, is still without a hash.
    expect(unhashed.map((sale) => sale.externalKey)).toEqual(["canonical:B-1:5"]);
    await expectRollupsExact(database);
  }, 60_000);
});
