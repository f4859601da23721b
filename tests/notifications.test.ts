// Run notifications against a local SMTP sink (smtp-server) and a local HTTP receiver standing in
// for Slack: nothing leaves the machine.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

import pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type * as DeliverModule from "../lib/notifications/deliver";
import type { Mapping } from "../lib/pipeline/mapping";
import type { runPipeline as RunPipeline } from "../lib/pipeline/run-pipeline";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

type Mail = { to: string; raw: string };

const mails: Mail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(","), raw: Buffer.concat(chunks).toString("utf8") });
      callback();
    });
  },
});

/** The Slack stand-in: /ok answers 200, /flaky fails its first two posts, /down always fails. */
const posts: { path: string; body: { text: string } }[] = [];
let flakyFailures = 0;
const slack: Server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  request.on("end", () => {
    posts.push({ path: request.url ?? "", body: JSON.parse(body) as { text: string } });
    const fail = request.url === "/down" || (request.url === "/flaky" && flakyFailures++ < 2);
    response.writeHead(fail ? 500 : 200).end(fail ? "invalid_payload" : "ok");
  });
});

const listen = (server: { listen: (port: number, host: string, callback: () => void) => unknown }) =>
  new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

let database: TestDatabase;
let client: pg.Client;
let slackUrl: string;
let deliverModule: typeof DeliverModule;
let runPipeline: typeof RunPipeline;
let canonical: Mapping;

async function addTarget(
  kind: "EMAIL" | "SLACK",
  target: string,
  enabled = true,
): Promise<{ id: number; kind: "EMAIL" | "SLACK"; target: string }> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO "NotificationTarget" (kind, target, enabled) VALUES ($1, $2, $3) RETURNING id`,
    [kind, target, enabled],
  );
  return { id: rows[0]!.id, kind, target };
}

beforeAll(async () => {
  await Promise.all([listen(smtp.server as unknown as Server), listen(slack)]);
  slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}`;
  // lib/server/env reads the environment once: point SMTP at the sink, let webhooks reach the local
  // receiver (loopback is refused otherwise), then load the modules afresh.
  vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${((smtp.server as unknown as Server).address() as AddressInfo).port}`);
  vi.stubEnv("OUTBOUND_ALLOW_HOSTS", "127.0.0.1");
  vi.resetModules();
  deliverModule = await import("../lib/notifications/deliver");
  ({ runPipeline } = await import("../lib/pipeline/run-pipeline"));
  ({
    PRESETS: { canonical },
  } = await import("../lib/pipeline/mapping"));
  database = await createTestDatabase();
  // Deliveries are recorded through the app's database client, as in the app and the CLI.
  (await import("../lib/server/db")).bindDatabase(database.url);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`INSERT INTO "BusinessUnit" (slug, name) VALUES ('orglight', 'Orglight')`);
});

afterAll(async () => {
  await client.end();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise((resolve) => slack.close(resolve));
  vi.unstubAllEnvs();
});

const CSV = [
  "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,product_name,product_line,category,quantity,unit_price,unit_cost,discount",
  "N-1,1,2026-05-01,orglight,Coast,MSA-1,SP-N1,C-N1,SKU-N1,Lamp,Lighting,Lamps,2,10,6,0",
].join("\n");

describe("run notifications", () => {
  it("tell every enabled target when a run ends: email through SMTP, Slack through its webhook", async () => {
    const email = await addTarget("EMAIL", "ops@example.test");
    const hook = await addTarget("SLACK", `${slackUrl}/ok`);
    const off = await addTarget("EMAIL", "nobody@example.test", false);
    const run = await runPipeline({
      databaseUrl: database.url,
      open: () => Readable.from([Buffer.from(CSV)]),
      fileName: "notify.csv",
      source: "CLI",
      preset: "canonical",
      mapping: canonical,
      dryRun: false,
      startedById: null,
      scope: null,
      onFinished: deliverModule.notifyRunFinished,
    });
    expect(run.status, run.error ?? "").toBe("SUCCEEDED");

    expect(mails.map((mail) => mail.to)).toEqual(["ops@example.test"]);
    expect(mails[0]!.raw).toContain(`Subject: Pulseboard run #${run.id} SUCCEEDED: notify.csv`);
    expect(mails[0]!.raw).toContain("inserted 1");
    const post = posts.find((entry) => entry.path === "/ok");
    expect(post?.body.text).toContain(`run #${run.id} SUCCEEDED`);

    const { rows } = await client.query<{ targetId: number; status: string; attempts: number; runId: number }>(
      `SELECT "targetId", status, attempts, "runId" FROM "NotificationDelivery" WHERE "runId" = $1 ORDER BY "targetId"`,
      [run.id],
    );
    expect(rows).toEqual([
      { targetId: email.id, status: "SENT", attempts: 1, runId: run.id },
      { targetId: hook.id, status: "SENT", attempts: 1, runId: run.id },
    ]);
    expect(rows.some((row) => row.targetId === off.id)).toBe(false);
    await client.query(`DELETE FROM "NotificationTarget"`);
  });

  it("stay silent for a dry run", async () => {
    await addTarget("EMAIL", "ops@example.test");
    await addTarget("SLACK", `${slackUrl}/ok`);
    const [mailsBefore, postsBefore] = [mails.length, posts.length];
    const run = await runPipeline({
      databaseUrl: database.url,
      open: () => Readable.from([Buffer.from(CSV)]),
      fileName: "rehearsal.csv",
      source: "CLI",
      preset: "canonical",
      mapping: canonical,
      dryRun: true,
      startedById: null,
      scope: null,
      onFinished: deliverModule.notifyRunFinished,
    });
    expect(run).toMatchObject({ status: "SUCCEEDED", dryRun: true });
    expect([mails.length, posts.length]).toEqual([mailsBefore, postsBefore]);
    expect((await client.query(`SELECT 1 FROM "NotificationDelivery" WHERE "runId" = $1`, [run.id])).rowCount).toBe(0);
    await client.query(`DELETE FROM "NotificationTarget"`);
  });

  it("retries a failing endpoint, and records the failure when it never answers", async () => {
    const message = { subject: "test", text: "hello" };
    const flaky = await deliverModule.deliver(await addTarget("SLACK", `${slackUrl}/flaky`), message, { retryDelaysMs: [10, 10] });
    expect(flaky).toMatchObject({ status: "SENT", attempts: 3, error: null });
    const down = await deliverModule.deliver(await addTarget("SLACK", `${slackUrl}/down`), message, {
      isTest: true,
      retryDelaysMs: [10, 10],
    });
    expect(down).toMatchObject({ status: "FAILED", attempts: 3, isTest: true, sentAt: null });
    expect(down.error).toContain("500");
    const refused = await deliverModule.deliver(await addTarget("SLACK", "http://127.0.0.1:9/closed"), message, {
      retryDelaysMs: [10, 10],
    });
    expect(refused).toMatchObject({ status: "FAILED", attempts: 3 });
  });

  it("never fails the run it reports on, whatever the targets do", async () => {
    await addTarget("SLACK", `${slackUrl}/down`);
    const view = { id: 0, status: "FAILED", dryRun: false, fileName: "x.csv", durationMs: null, error: "boom" } as Parameters<
      typeof deliverModule.runMessage
    >[0];
    const warnings: string[] = [];
    // A run id that does not exist: the delivery cannot even be recorded.
    const deliveries = await deliverModule.notifyRunFinished(
      { ...view, id: -1 },
      {
        write: (_level, line) => {
          warnings.push(line);
          return Promise.resolve();
        },
      },
    );
    expect(deliveries).toEqual([]);
    expect(warnings[0]).toMatch(/notifications not sent/);
  });
});
