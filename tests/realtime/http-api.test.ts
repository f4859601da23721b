// The signed REST API: limits, signature checks and channel queries, driven by the `pusher` SDK.
import Pusher from "pusher";
import type PusherClient from "pusher-js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { RealtimeServer } from "../../realtime";
import { APP, createClient, createPublisher, signedPost, signedQueryAt, startServer, subscribed } from "./helpers";

let server: RealtimeServer;
let publisher: Pusher;
const clients: PusherClient[] = [];

beforeEach(async () => {
  server = await startServer();
  publisher = createPublisher(server.port);
});

afterEach(async () => {
  for (const created of clients.splice(0)) created.disconnect();
  await server.close();
});

/** The HTTP status a rejected SDK call carried. */
async function statusOf(request: Promise<unknown>): Promise<number | undefined> {
  const error = await request.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  return error instanceof Pusher.RequestError ? error.status : 200;
}

async function getJson(path: string, params?: Record<string, string>): Promise<Record<string, unknown>> {
  return (await (await publisher.get({ path, params })).json()) as Record<string, unknown>;
}

describe("HTTP API limits", () => {
  it("accepts 10 KB of data and refuses more with 413", async () => {
    expect(await statusOf(publisher.trigger("kpis", "big", "x".repeat(10_240)))).toBe(200);
    expect(await statusOf(publisher.trigger("kpis", "big", "x".repeat(10_241)))).toBe(413);
  });

  it("refuses more than 100 channels and more than 10 batched events with 400", async () => {
    const channels = (count: number) => Array.from({ length: count }, (_, index) => `kpis-${index}`);
    expect(await statusOf(publisher.trigger(channels(100), "wide", {}))).toBe(200);
    // The SDK refuses 101 channels itself, so send the raw (still signed) request.
    const tooWide = signedPost(publisher, server.port, "/events", { name: "wide", data: "{}", channels: channels(101) });
    expect(await tooWide).toBe(400);
    const batch = (count: number) => Array.from({ length: count }, (_, index) => ({ channel: "kpis", name: "e", data: { index } }));
    expect(await statusOf(publisher.triggerBatch(batch(10)))).toBe(200);
    expect(await statusOf(publisher.triggerBatch(batch(11)))).toBe(400);
  });

  it("refuses malformed events with 400", async () => {
    const post = (body: unknown) => signedPost(publisher, server.port, "/events", body);
    expect(await post({ name: "e", data: "{}", channel: "kpis" })).toBe(200);
    expect(await post({ name: "e", data: "{}" })).toBe(400);
    expect(await post({ name: "e", data: { not: "a string" }, channel: "kpis" })).toBe(400);
    expect(await post({ name: "e", data: "{}", channel: "bad channel!" })).toBe(400);
    expect(await post({ name: "e", data: "{}", channel: "kpis", socket_id: "nope" })).toBe(400);
  });
});

describe("HTTP API signatures", () => {
  it("refuses a wrong secret, an unknown key and an unknown app", async () => {
    const wrongSecret = createPublisher(server.port, { secret: "not-the-secret" });
    expect(await statusOf(wrongSecret.trigger("kpis", "e", {}))).toBe(401);
    const wrongKey = createPublisher(server.port, { key: "other-key" });
    expect(await statusOf(wrongKey.trigger("kpis", "e", {}))).toBe(401);
    const unknownApp = createPublisher(server.port, { appId: "other-app" });
    expect(await statusOf(unknownApp.trigger("kpis", "e", {}))).toBe(404);
  });

  it("refuses timestamps more than 300 s away from the server clock", async () => {
    const path = `/apps/${APP.id}/channels`;
    const signedAt = (offsetMs: number) =>
      fetch(`http://127.0.0.1:${server.port}${path}?${signedQueryAt(publisher, { method: "GET", path }, offsetMs)}`).then(
        (response) => response.status,
      );
    expect(await signedAt(-301_000)).toBe(401);
    expect(await signedAt(301_000)).toBe(401);
    expect(await signedAt(-290_000)).toBe(200);
  });

  it("refuses a body that does not match body_md5, and unsigned requests", async () => {
    const path = `/apps/${APP.id}/events`;
    const signed = JSON.stringify({ name: "e", data: "{}", channel: "kpis" });
    const query = publisher.createSignedQueryString({ method: "POST", path, body: signed });
    const post = (body: string, search = query) =>
      fetch(`http://127.0.0.1:${server.port}${path}?${search}`, { method: "POST", body, headers: { "content-type": "application/json" } });
    expect((await post(signed)).status).toBe(200);
    const tampered = await post(signed.replace("kpis", "kpiz"));
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toEqual({ error: "body_md5 does not match the body" });
    expect((await post(signed, "")).status).toBe(401);
    expect((await post(signed, query.replace(/auth_signature=\w+/, "auth_signature=deadbeef"))).status).toBe(401);
  });

  it("answers health checks without a signature", async () => {
    for (const path of ["/", "/health"]) {
      const response = await fetch(`http://127.0.0.1:${server.port}${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    }
  });
});

describe("channel queries", () => {
  it("reports occupied channels, subscription counts and presence users", async () => {
    const alice = createClient(server.port, publisher, { id: "alice" });
    const bob = createClient(server.port, publisher, { id: "bob" });
    const bobAgain = createClient(server.port, publisher, { id: "bob" });
    clients.push(alice, bob, bobAgain);
    await Promise.all([alice, bob, bobAgain].map((client) => subscribed(client, "presence-viewers")));
    await subscribed(alice, "private-kpis");

    expect(await getJson("/channels")).toEqual({ channels: { "presence-viewers": {}, "private-kpis": {} } });
    expect(await getJson("/channels", { filter_by_prefix: "presence-", info: "user_count,subscription_count" })).toEqual({
      channels: { "presence-viewers": { user_count: 2, subscription_count: 3 } },
    });
    expect(await statusOf(publisher.get({ path: "/channels", params: { info: "user_count" } }))).toBe(400);

    expect(await getJson("/channels/presence-viewers")).toEqual({ occupied: true, subscription_count: 3, user_count: 2 });
    expect(await getJson("/channels/private-kpis")).toEqual({ occupied: true, subscription_count: 1 });
    expect(await getJson("/channels/private-empty")).toEqual({ occupied: false, subscription_count: 0 });

    const { users } = (await getJson("/channels/presence-viewers/users")) as { users: { id: string }[] };
    expect(users.map((user) => user.id).sort()).toEqual(["alice", "bob"]);
    expect(await statusOf(publisher.get({ path: "/channels/private-kpis/users" }))).toBe(400);
  });

  it("returns requested channel attributes from a publish", async () => {
    const client = createClient(server.port, publisher);
    clients.push(client);
    await subscribed(client, "private-kpis");
    const response = await publisher.trigger(["private-kpis", "private-other"], "e", {}, { info: "subscription_count" });
    expect(await response.json()).toEqual({
      channels: { "private-kpis": { subscription_count: 1 }, "private-other": { subscription_count: 0 } },
    });
  });
});
