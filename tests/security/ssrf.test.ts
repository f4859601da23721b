// Outbound HTTP (remote sources, Slack webhooks) against SSRF: every forbidden address form is refused
// before a socket opens, each redirect hop is checked again, errors are generic, and webhook URLs stay
// out of logs and the delivery history. Only loopback is ever contacted: refusals are proven with a
// connect spy that never connects, or with a local server that must see no request.
import { createServer, type Server } from "node:http";
import net, { type AddressInfo } from "node:net";

import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";

import type * as DeliverModule from "../../lib/notifications/deliver";
import type { pollRemoteSources as PollRemoteSources } from "../../lib/pipeline/poll-remote-sources";
import type { SessionUser } from "../../lib/server/auth/session-user";
import type { AllowList } from "../../lib/server/net/address-policy";
import type { safeFetch as SafeFetch } from "../../lib/server/net/safe-fetch";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

vi.hoisted(() => {
  // Whatever the shell exports, this file runs with no allow-list: loopback is as forbidden as anything.
  delete process.env.OUTBOUND_ALLOW_HOSTS;
});

const ADMIN: SessionUser = {
  id: "ssrf-admin",
  email: "admin@example.test",
  name: "Admin",
  role: "ADMIN",
  businessUnitId: null,
  businessUnitSlug: null,
  locale: "en",
};
vi.mock("../../lib/server/auth/current-user", () => ({ getCurrentUser: () => Promise.resolve(ADMIN) }));

const CSV = [
  "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,product_name,product_line,category,quantity,unit_price,unit_cost,discount",
  "S-1,1,2026-05-01,orglight,Coast,MSA-1,SP-S1,C-S1,SKU-S1,Lamp,Lighting,Lamps,2,10,6,0",
].join("\n");

/** A loopback server that records every request: /redirect?to=…, /chain/N (N redirects), /fail, else a CSV. */
const received: { path: string; host: string }[] = [];
const server: Server = createServer((request, response) => {
  received.push({ path: request.url ?? "", host: request.headers.host ?? "" });
  const url = new URL(request.url ?? "/", "http://server");
  const to = url.searchParams.get("to");
  const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
  if (to) return void response.writeHead(302, { location: to }).end();
  if (chain && Number(chain[1]) > 0) return void response.writeHead(302, { location: `/chain/${Number(chain[1]) - 1}` }).end();
  if (url.pathname === "/fail") return void response.writeHead(500).end("stack trace: password=hunter2");
  response.writeHead(200, { "content-type": "text/csv" }).end(chain ? "done" : CSV);
});

let port: number;
let safeFetch: typeof SafeFetch;
let parseAllowList: (text?: string) => AllowList;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

async function loadSafeFetch() {
  ({ safeFetch } = await import("../../lib/server/net/safe-fetch"));
  ({ parseAllowList } = await import("../../lib/server/net/address-policy"));
}

afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  received.length = 0;
});

const REFUSED = { code: "URL_REFUSED", message: "The address is not allowed." };
const UNREACHABLE = { code: "REMOTE_UNREACHABLE", message: "The remote server could not be reached." };

/** What the injected resolver answers; 203.0.113.0/24 (documentation) stands in for the public internet. */
const DNS: Record<string, string[]> = {
  "loopback.example.test": ["127.0.0.1"],
  "metadata.example.test": ["169.254.169.254"],
  "mapped.example.test": ["::ffff:192.168.0.1"],
  "mixed.example.test": ["203.0.113.7", "10.0.0.5"],
  "sales.example.test": ["203.0.113.7"],
};

describe("the address policy, before any connection", () => {
  let connect: MockInstance;
  const lookup = vi.fn((host: string) => Promise.resolve(DNS[host] ?? []));

  beforeAll(loadSafeFetch);
  beforeEach(() => {
    lookup.mockClear();
    // Every socket in this block fails at once: nothing can leave the machine, whatever the policy says.
    connect = vi.spyOn(net.Socket.prototype, "connect").mockImplementation(() => {
      throw new Error("a connection was attempted");
    });
  });
  afterEach(() => connect.mockRestore());

  it.each([
    "http://127.0.0.1/",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://127.1/",
    "http://0177.0.0.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[::127.0.0.1]/",
    "http://localhost/",
    "http://localhost./",
    "http://LOCALHOST:8080/",
    "http://app.localhost/",
    "http://169.254.169.254/latest/meta-data",
    "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",
    "http://[2002:a9fe:a9fe::]/",
    "http://10.0.0.1/",
    "http://192.168.1.1/",
    "http://172.16.0.1/",
    "http://100.64.0.1/",
    "http://198.18.0.1/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://[fd12:3456::1]/",
    "http://0.0.0.0/",
    "http://[::]/",
    "http://224.0.0.1/",
    "http://[ff02::1]/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "https://127.0.0.1/",
    "https://[::1]:8443/hook",
    "http://loopback.example.test/",
    "http://metadata.example.test/",
    "http://mapped.example.test/",
    "http://mixed.example.test/",
    "http://nowhere.example.test/",
    "ftp://203.0.113.7/",
    "file:///etc/passwd",
    "not a url",
  ])("refuses %s", async (url) => {
    await expect(safeFetch(url, { timeoutMs: 1_000, lookup })).rejects.toMatchObject(REFUSED);
    expect(connect).not.toHaveBeenCalled();
  });

  it("lets a public address through, connecting to the address it checked", async () => {
    await expect(safeFetch("http://sales.example.test/data.csv", { timeoutMs: 1_000, lookup })).rejects.toMatchObject(UNREACHABLE);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(connect).toHaveBeenCalledTimes(1);
    const [first] = connect.mock.calls[0]!;
    const options = (Array.isArray(first) ? first[0] : first) as { host?: string };
    expect(options.host).toBe("203.0.113.7");
  });
});

describe("redirects and answers from an allowed loopback server", () => {
  let allow: AllowList;
  beforeAll(async () => {
    await loadSafeFetch();
    allow = parseAllowList("127.0.0.1");
  });
  const get = (path: string, options: { lookup?: (host: string) => Promise<string[]> } = {}) =>
    safeFetch(`http://127.0.0.1:${port}${path}`, { timeoutMs: 5_000, allow, ...options });

  it.each(["[::1]", "127.0.0.2", "localhost", "0.0.0.0"])("checks a redirect to %s on its own, and refuses it", async (host) => {
    const to = `http://${host}:${port}/sales.csv`;
    await expect(get(`/redirect?to=${encodeURIComponent(to)}`)).rejects.toMatchObject(REFUSED);
    expect(received).toHaveLength(1);
  });

  it("follows up to three redirects", async () => {
    const response = await get("/chain/3");
    expect(await response.toArray().then((chunks) => Buffer.concat(chunks).toString())).toBe("done");
    expect(received).toHaveLength(4);
    received.length = 0;
    await expect(get("/chain/4")).rejects.toMatchObject(UNREACHABLE);
    expect(received.map((entry) => entry.path)).toEqual(["/chain/4", "/chain/3", "/chain/2", "/chain/1"]);
  });

  it("resolves a name once and connects to that address, keeping the name as the Host", async () => {
    const lookup = vi.fn().mockResolvedValueOnce(["127.0.0.1"]).mockResolvedValue(["127.0.0.2"]);
    (await safeFetch(`http://csv.partner.test:${port}/sales.csv`, { timeoutMs: 5_000, allow, lookup })).resume();
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(received).toEqual([{ path: "/sales.csv", host: `csv.partner.test:${port}` }]);
  });

  it("reports a failing status without its body, and a closed port like any unreachable server", async () => {
    const failure = await get("/fail").catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: "The remote server answered HTTP 500." });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(safeFetch(`http://127.0.0.1:${closedPort}/`, { timeoutMs: 5_000, allow })).rejects.toMatchObject(UNREACHABLE);
  });
});

describe("remote sources and Slack targets", () => {
  let database: TestDatabase;
  let client: pg.Client;
  let pollRemoteSources: typeof PollRemoteSources;
  let deliverModule: typeof DeliverModule;
  let listDeliveries: () => Promise<{ target: string }[]>;

  const ROUTES = {
    "pipeline/sources": () => import("../../app/api/v1/pipeline/sources/route"),
    "notifications/targets": () => import("../../app/api/v1/notifications/targets/route"),
  };
  const post = async (route: keyof typeof ROUTES, body: unknown) => {
    const { POST } = await ROUTES[route]();
    const request = new NextRequest(`http://localhost/api/v1/${route}`, { method: "POST", body: JSON.stringify(body) });
    const response = await POST(request, { params: Promise.resolve({}) });
    return { status: response.status, body: (await response.json()) as { error: { message: string } | null } };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    (await import("../../lib/server/db")).bindDatabase(database.url);
    // Creating a target records an audit entry naming its actor, who must exist.
    await database.db.user.create({ data: { id: ADMIN.id, email: ADMIN.email, name: ADMIN.name, role: ADMIN.role, passwordHash: "x" } });
    ({ pollRemoteSources } = await import("../../lib/pipeline/poll-remote-sources"));
    deliverModule = await import("../../lib/notifications/deliver");
    ({ listDeliveries } = await import("../../lib/notifications/manage"));
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(() => client.end());
  // Whatever a test left behind must never be polled or notified by the next one.
  afterEach(() => client.query(`DELETE FROM "RemoteSource"; DELETE FROM "NotificationTarget"`));

  // Loopback forms only: were they accepted, a later poll or delivery would still stay on this machine.
  it("refuse a forbidden source URL or Slack webhook at creation (422)", async () => {
    for (const host of ["localhost", "0x7f.1", "[::1]"]) {
      const created = await post("pipeline/sources", { name: "internal", url: `http://${host}:${port}/sales.csv` });
      expect(created.status, host).toBe(422);
      expect(created.body.error?.message).toMatch(/not allowed/);
    }
    for (const host of ["127.0.0.2", "[::ffff:7f00:1]"]) {
      const created = await post("notifications/targets", { kind: "SLACK", target: `http://${host}:${port}/hook` });
      expect(created.status, host).toBe(422);
      expect(created.body.error?.message).toMatch(/not allowed/);
    }
    expect((await post("notifications/targets", { kind: "SLACK", target: "https://hooks.slack.com/services/T0/B0/x" })).status).toBe(200);
  });

  it("fail a poll of a source at a forbidden address with the generic error, and start no run", async () => {
    for (const host of ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"]) {
      const { rows } = await client.query<{ id: number }>(`INSERT INTO "RemoteSource" (name, url) VALUES ($1, $2) RETURNING id`, [
        host,
        `http://${host}:${port}/sales.csv`,
      ]);
      const [result] = await pollRemoteSources({ databaseUrl: database.url, maxBytes: 1024 * 1024, sourceId: rows[0]!.id });
      expect(result, host).toMatchObject({ status: "FAILED", error: REFUSED.message, run: null });
    }
    expect(received).toEqual([]);
    expect((await client.query(`SELECT count(*)::int AS runs FROM "PipelineRun"`)).rows[0]).toEqual({ runs: 0 });
  });

  it("fail a delivery to a forbidden webhook without retrying, and keep the webhook out of logs and history", async () => {
    const webhook = `http://127.0.0.1:${port}/services/T000/B000/hookSECRET`;
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO "NotificationTarget" (kind, target) VALUES ('SLACK', $1) RETURNING id`,
      [webhook],
    );
    const target = { id: rows[0]!.id, kind: "SLACK" as const, target: webhook };
    const delivery = await deliverModule.deliver(target, { subject: "test", text: "hello" }, { retryDelaysMs: [10, 10] });
    expect(delivery).toMatchObject({ status: "FAILED", attempts: 1, error: REFUSED.message, target: `http://127.0.0.1:${port}/…/CRET` });

    const run = await client.query<{ id: number }>(`INSERT INTO "PipelineRun" (source, "fileName") VALUES ('CLI', 'x.csv') RETURNING id`);
    const view = { id: run.rows[0]!.id, status: "SUCCEEDED", dryRun: false, fileName: "x.csv", durationMs: null, error: null };
    const warnings: string[] = [];
    await deliverModule.notifyRunFinished(view as Parameters<typeof deliverModule.runMessage>[0], {
      write: (_level, line) => Promise.resolve(void warnings.push(line)),
    });
    expect(warnings).toEqual([
      `notification to SLACK target #${target.id} (http://127.0.0.1:${port}/…/CRET) failed after 1 attempts: ${REFUSED.message}`,
    ]);
    expect((await listDeliveries()).map((entry) => entry.target)).toEqual([`http://127.0.0.1:${port}/…/CRET`, delivery.target]);
    expect(received).toEqual([]);
  });
});
