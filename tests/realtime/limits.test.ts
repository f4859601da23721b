// Resource limits: each refusal carries its protocol code or HTTP status, and nothing refused is
// delivered or changes server state.
import { request } from "node:http";

import type Pusher from "pusher";
import type PusherClient from "pusher-js";
import { afterEach, describe, expect, it } from "vitest";

import type { RealtimeServer, RealtimeServerOptions } from "../../realtime";
import {
  APP,
  createClient,
  createPublisher,
  nextEvent,
  RawClient,
  recordEvents,
  signedPost,
  signedQueryAt,
  startServer,
  subscribed,
  waitFor,
  waitUntil,
  type Frame,
} from "./helpers";

let server: RealtimeServer;
let publisher: Pusher;
const closers: (() => void)[] = [];

async function start(options: Partial<RealtimeServerOptions> = {}): Promise<void> {
  server = await startServer(options);
  publisher = createPublisher(server.port);
}

afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await server.close();
});

async function raw(headers: Record<string, string> = {}): Promise<RawClient> {
  const client = await RawClient.open(server.port, undefined, undefined, headers);
  closers.push(() => client.close());
  return client;
}

function pusherClient(userId = "watcher"): PusherClient {
  const client = createClient(server.port, publisher, { id: userId });
  closers.push(() => client.disconnect());
  return client;
}

const channelNames = async () =>
  Object.keys(((await (await publisher.get({ path: "/channels" })).json()) as { channels: object }).channels);

/** The next `count` replies that are one of `events`, in order. */
async function replies(client: RawClient, count: number, events: string[]): Promise<Frame[]> {
  const frames: Frame[] = [];
  for (let index = 0; index < count; index++) frames.push(await client.next(events));
  return frames;
}

const tally = (frames: Frame[]) =>
  frames.reduce<Record<string, number>>((counts, { event }) => ({ ...counts, [event]: (counts[event] ?? 0) + 1 }), {});

/** A raw POST that writes `chunks` (or, when null, announces `length` bytes and never sends them); resolves with the status. */
function post(path: string, chunks: string[] | null, length?: number): Promise<number> {
  return waitFor(`a response to POST ${path}`, (resolve) => {
    const headers = length === undefined ? { "content-type": "application/json" } : { "content-length": String(length) };
    const sent = request({ host: "127.0.0.1", port: server.port, path, method: "POST", headers });
    sent.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
      sent.destroy();
    });
    sent.on("error", () => undefined);
    if (chunks === null) return void sent.flushHeaders();
    for (const chunk of chunks) sent.write(chunk);
    sent.end();
  });
}

describe("connections per client address", () => {
  it("refuses a socket over the limit with 4004, counts it, and ignores X-Forwarded-For by default", async () => {
    await start({ maxConnectionsPerAddress: 2 });
    const [first, second] = [await raw(), await raw()];
    await Promise.all([first.next("pusher:connection_established"), second.next("pusher:connection_established")]);
    const third = await raw({ "x-forwarded-for": "198.51.100.7" });
    expect((await third.next("pusher:error")).data).toMatchObject({ code: 4004 });
    expect((await third.closed).code).toBe(4004);
    expect(third.unread("pusher:connection_established")).toEqual([]);
    expect(server.stats()).toMatchObject({ connections: 2, connectionsRejected: 1, connectionsOverAddressLimit: 1 });
    first.close();
    await waitUntil("the server forgets the closed socket", () => server.stats().connections === 1);
    await (await raw()).next("pusher:connection_established");
  });

  it("with trustProxy, counts the last X-Forwarded-For entry, which the proxy wrote", async () => {
    await start({ maxConnectionsPerAddress: 1, trustProxy: true });
    await (await raw({ "x-forwarded-for": "198.51.100.1" })).next("pusher:connection_established");
    await (await raw({ "x-forwarded-for": "198.51.100.1, 198.51.100.2" })).next("pusher:connection_established");
    for (const forwarded of ["198.51.100.1", "203.0.113.5, 198.51.100.2"]) {
      const refused = await raw({ "x-forwarded-for": forwarded });
      expect((await refused.next("pusher:error")).data).toMatchObject({ code: 4004 });
    }
    expect(server.stats()).toMatchObject({ connections: 2, connectionsOverAddressLimit: 2 });
  });
});

describe("subscriptions per connection", () => {
  it("refuses subscribes over 20 per second with 4301 and joins none of them", async () => {
    await start();
    const client = await raw();
    for (let index = 0; index < 25; index++) client.send({ event: "pusher:subscribe", data: { channel: `public-${index}` } });
    const frames = await replies(client, 25, ["pusher_internal:subscription_succeeded", "pusher:error"]);
    expect(tally(frames)).toEqual({ "pusher_internal:subscription_succeeded": 20, "pusher:error": 5 });
    expect(frames.slice(20).map((frame) => (frame.data as { code: number }).code)).toEqual(Array(5).fill(4301));
    expect((await channelNames()).sort()).toEqual(Array.from({ length: 20 }, (_, index) => `public-${index}`).sort());
    expect(server.stats()).toMatchObject({ subscriptionsRateLimited: 5, connections: 1 });
  });

  it("closes a connection that keeps subscribing over the rate with 4301, leaving its channels", async () => {
    await start();
    const client = await raw();
    for (let index = 0; index < 60; index++) client.send({ event: "pusher:subscribe", data: { channel: `public-${index}` } });
    const closed = await waitFor<{ code: number }>("the server to close the socket", (resolve) => void client.closed.then(resolve));
    expect(closed.code).toBe(4301);
    expect(client.unread("pusher:error").map((frame) => (frame.data as { code: number }).code)).toEqual(Array(11).fill(4301));
    expect(server.stats()).toMatchObject({ connectionsClosedForAbuse: 1, connections: 0, channels: 0 });
  });

  it("caps the channels one connection may join at 100", async () => {
    await start({ subscriptionsPerSecond: 1000 });
    const client = await raw();
    for (let index = 0; index <= 100; index++) client.send({ event: "pusher:subscribe", data: { channel: `public-${index}` } });
    const refused = await client.next("pusher:subscription_error", "public-100");
    expect(refused.data).toMatchObject({ type: "LimitReached", status: 403 });
    expect(await channelNames()).toHaveLength(100);
  });
});

describe("presence join storms", () => {
  it("lets one connection announce 10 joins at once, then refuses with 429 and broadcasts nothing", async () => {
    await start({ subscriptionsPerSecond: 1000 });
    const watcher = await subscribed(pusherClient(), "presence-room");
    const announced: string[] = [];
    watcher.bind("pusher:member_added", () => announced.push("added"));
    watcher.bind("pusher:member_removed", () => announced.push("removed"));
    const { client, socketId } = await RawClient.connect(server.port);
    closers.push(() => client.close());
    const auth = publisher.authorizeChannel(socketId, "presence-room", { user_id: "storm" });
    for (let round = 0; round < 15; round++) {
      client.send({ event: "pusher:subscribe", data: { channel: "presence-room", ...auth } });
      client.send({ event: "pusher:unsubscribe", data: { channel: "presence-room" } });
    }
    const frames = await replies(client, 15, ["pusher_internal:subscription_succeeded", "pusher:subscription_error"]);
    expect(tally(frames)).toEqual({ "pusher_internal:subscription_succeeded": 10, "pusher:subscription_error": 5 });
    expect(frames.slice(10).map((frame) => frame.data)).toEqual(
      Array(5).fill(expect.objectContaining({ type: "LimitReached", status: 429 })),
    );
    const marker = nextEvent(watcher, "marker");
    await publisher.trigger("presence-room", "marker", {});
    await marker;
    expect(announced).toEqual(Array.from({ length: 10 }, () => ["added", "removed"]).flat());
    expect(server.stats().presenceJoinsRefused).toBe(5);
  });
});

describe("HTTP API", () => {
  const eventsPath = `/apps/${APP.id}/events`;

  it("refuses unsigned, unknown-key and stale requests with 401 before reading the body", async () => {
    await start();
    const stale = signedQueryAt(publisher, { method: "POST", path: eventsPath, body: "{}" }, -400_000);
    const otherKey = signedQueryAt(createPublisher(server.port, { key: "other-key" }), { method: "POST", path: eventsPath, body: "{}" });
    for (const query of ["", `?${stale}`, `?${otherKey}`]) expect(await post(`${eventsPath}${query}`, null, 50_000)).toBe(401);
    expect(server.stats().eventsPublished).toBe(0);
  });

  it("refuses bodies over 100 KB (events) and 256 KB (batches) with 413, whether announced or streamed", async () => {
    await start();
    const channel = await subscribed(pusherClient(), "private-limits");
    const events = recordEvents(channel);
    const padding = "x".repeat(262_144);
    const event = { name: "padded", data: "{}", channel: "private-limits" };
    expect(await signedPost(publisher, server.port, "/events", { ...event, padding: padding.slice(0, 102_400) })).toBe(413);
    // Ten events of 10 KB data that all needs escaping still fit a batch.
    const full = Array.from({ length: 10 }, () => ({ ...event, name: "full", data: '"'.repeat(10_240) }));
    expect((await publisher.triggerBatch(full)).status).toBe(200);
    expect(await signedPost(publisher, server.port, "/batch_events", { batch: [event], padding })).toBe(413);
    const streamed = JSON.stringify({ ...event, padding: padding.slice(0, 102_400) });
    const query = signedQueryAt(publisher, { method: "POST", path: eventsPath, body: streamed });
    expect(await post(`${eventsPath}?${query}`, streamed.match(/.{1,8192}/g) ?? [])).toBe(413);
    const marker = nextEvent(channel, "marker");
    await publisher.trigger("private-limits", "marker", {});
    await marker;
    expect(events.map((received) => received.event)).toEqual([...Array<string>(10).fill("full"), "marker"]);
  });

  it("refuses timestamps more than 300 s old or ahead, while the pusher SDK publishes", async () => {
    await start();
    const path = `/apps/${APP.id}/channels`;
    const statusAt = async (offsetMs: number) =>
      (await fetch(`http://127.0.0.1:${server.port}${path}?${signedQueryAt(publisher, { method: "GET", path }, offsetMs)}`)).status;
    expect([await statusAt(-301_000), await statusAt(301_000), await statusAt(-450_000), await statusAt(-290_000)]).toEqual([
      401, 401, 401, 200,
    ]);
    expect((await publisher.trigger("kpis", "e", {})).status).toBe(200);
  });
});

describe("health", () => {
  it("says only ok without a signature, and reports process figures when signed", async () => {
    await start();
    for (const path of ["/", "/health"]) {
      const bare = await fetch(`http://127.0.0.1:${server.port}${path}`);
      expect([bare.status, await bare.json()]).toEqual([200, { ok: true }]);
    }
    const url = (signer: Pusher) => `http://127.0.0.1:${server.port}/health?${signedQueryAt(signer, { method: "GET", path: "/health" })}`;
    const signed = await fetch(url(publisher));
    expect(await signed.json()).toMatchObject({ ok: true, connections: 0, pid: process.pid, rssBytes: expect.any(Number) });
    const forged = await fetch(url(createPublisher(server.port, { secret: "not-the-secret" })));
    expect(forged.status).toBe(401);
    expect(await forged.json()).not.toHaveProperty("pid");
  });
});
