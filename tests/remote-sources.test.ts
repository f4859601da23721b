// Remote sources against a local HTTP server: a due source loads, one not due waits, a failing
// one keeps the last good data and shows why, and an oversized one is refused.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { pollRemoteSources as PollRemoteSources } from "../lib/pipeline/poll-remote-sources";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

const HEADER =
  "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,product_name,product_line,category,quantity,unit_price,unit_cost,discount";
const row = (order: string, quantity: number) =>
  `${order},1,2026-05-01,orglight,Coast,MSA-1,SP-R1,C-R1,SKU-R1,Lamp,Lighting,Lamps,${quantity},10,6,0`;

let body = [HEADER, row("R-1", 2), row("R-2", 3)].join("\n");
let down = false;
const server: Server = createServer((request, response) => {
  if (request.url === "/big.csv") return void response.end(`${HEADER}\n${"x".repeat(64 * 1024)}`);
  if (down) return void response.writeHead(503).end("maintenance");
  response.writeHead(200, { "content-type": "text/csv" }).end(body);
});

let database: TestDatabase;
let client: pg.Client;
let base: string;
let pollRemoteSources: typeof PollRemoteSources;

beforeAll(async () => {
  // lib/server/env reads the environment once: let downloads reach the local server (loopback is refused otherwise).
  vi.stubEnv("OUTBOUND_ALLOW_HOSTS", "127.0.0.1");
  vi.resetModules();
  ({ pollRemoteSources } = await import("../lib/pipeline/poll-remote-sources"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`INSERT INTO "BusinessUnit" (slug, name) VALUES ('orglight', 'Orglight')`);
});

afterAll(async () => {
  await client.end();
  await new Promise((resolve) => server.close(resolve));
  vi.unstubAllEnvs();
});

const poll = (now: Date, sourceId?: number) => pollRemoteSources({ databaseUrl: database.url, maxBytes: 32 * 1024, now, sourceId });
const quantity = async () => Number((await client.query<{ q: string }>(`SELECT coalesce(sum(quantity), 0) AS q FROM "Sale"`)).rows[0]!.q);
const sourceRow = async (id: number) =>
  (
    await client.query<{ lastStatus: string | null; lastError: string | null; lastGoodAt: Date | null }>(
      `SELECT "lastStatus", "lastError", "lastGoodAt" FROM "RemoteSource" WHERE id = $1`,
      [id],
    )
  ).rows[0]!;

describe("remote sources", () => {
  it("load when due, wait until their interval has passed, and keep the last good data when the source fails", async () => {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO "RemoteSource" (name, url, "intervalMinutes") VALUES ('partner', $1, 60) RETURNING id`,
      [`${base}/sales.csv`],
    );
    const id = rows[0]!.id;
    const t0 = new Date("2026-05-02T08:00:00Z");

    const [first] = await poll(t0);
    expect(first).toMatchObject({ sourceId: id, status: "OK", error: null });
    expect(first!.run).toMatchObject({ source: "REMOTE", fileName: "sales.csv", rowsInserted: 2 });
    expect(await quantity()).toBe(5);

    // Not due 30 minutes later; due after the hour, and the source changed meanwhile.
    expect(await poll(new Date(t0.getTime() + 30 * 60_000))).toEqual([]);
    body = [HEADER, row("R-1", 4), row("R-2", 3)].join("\n");
    const [second] = await poll(new Date(t0.getTime() + 61 * 60_000));
    expect(second!.run).toMatchObject({ rowsUpdated: 1, rowsUnchanged: 1 });
    expect(await quantity()).toBe(7);

    // Down: nothing changes, and the failure is on the source.
    down = true;
    const [third] = await poll(new Date(t0.getTime() + 122 * 60_000));
    expect(third).toMatchObject({ status: "FAILED", run: null });
    expect(third!.error).toContain("503");
    expect(await quantity()).toBe(7);
    expect(await sourceRow(id)).toMatchObject({ lastStatus: "FAILED", lastError: expect.stringContaining("503") });
    expect((await sourceRow(id)).lastGoodAt).not.toBeNull();

    // Back up: "poll now" does not wait for the interval.
    down = false;
    const [fourth] = await poll(new Date(t0.getTime() + 123 * 60_000), id);
    expect(fourth).toMatchObject({ status: "OK" });
    expect(await sourceRow(id)).toMatchObject({ lastStatus: "OK", lastError: null });
    await client.query(`DELETE FROM "RemoteSource"`);
  });

  it("skips a paused source on schedule, but polls it when asked", async () => {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO "RemoteSource" (name, url, enabled) VALUES ('paused', $1, false) RETURNING id`,
      [`${base}/sales.csv`],
    );
    const id = rows[0]!.id;
    expect(await poll(new Date())).toEqual([]);
    expect(await poll(new Date(), id)).toMatchObject([{ sourceId: id, status: "OK" }]);
    await client.query(`DELETE FROM "RemoteSource"`);
  });

  it("refuses a source larger than the upload limit, loading nothing from it", async () => {
    const before = await quantity();
    await client.query(`INSERT INTO "RemoteSource" (name, url) VALUES ('big', $1)`, [`${base}/big.csv`]);
    const [result] = await poll(new Date());
    expect(result).toMatchObject({ status: "FAILED", run: null });
    expect(result!.error).toMatch(/larger than/);
    expect(await quantity()).toBe(before);
  });
});
