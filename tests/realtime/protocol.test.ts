// Protocol-level behaviour with a raw socket: handshake, refusals, heartbeats, frame limits.
import type PusherClient from "pusher-js";
import { afterEach, describe, expect, it } from "vitest";

import type { RealtimeServer, RealtimeServerOptions } from "../../realtime";
import { connected, createClient, createPublisher, RawClient, startServer, waitFor, waitUntil } from "./helpers";

let server: RealtimeServer | undefined;
const raws: RawClient[] = [];

async function start(options: Partial<RealtimeServerOptions> = {}): Promise<RealtimeServer> {
  server = await startServer(options);
  return server;
}

async function open(port: number, query?: string, key?: string): Promise<RawClient> {
  const raw = await RawClient.open(port, query, key);
  raws.push(raw);
  return raw;
}

afterEach(async () => {
  for (const raw of raws.splice(0)) raw.close();
  await server?.close();
  server = undefined;
});

describe("handshake", () => {
  it("sends connection_established with a socket id and the activity timeout as a JSON string", async () => {
    const { port } = await start();
    const raw = await open(port);
    await raw.next("pusher:connection_established");
    const frame = JSON.parse(raw.wire[0] ?? "") as { event: string; data: string };
    expect(frame.event).toBe("pusher:connection_established");
    expect(typeof frame.data).toBe("string");
    expect(JSON.parse(frame.data)).toEqual({ socket_id: expect.stringMatching(/^\d+\.\d+$/), activity_timeout: 120 });
  });

  it.each([
    ["an unknown app key", "protocol=7", "no-such-key", 4001],
    ["an unsupported protocol version", "protocol=5", undefined, 4007],
    ["a missing protocol version", "client=raw", undefined, 4007],
  ])("refuses %s with pusher:error and the same close code", async (_label, query, key, code) => {
    const { port } = await start();
    const raw = await open(port, query, key);
    expect((await raw.next("pusher:error")).data).toMatchObject({ code });
    expect((await raw.closed).code).toBe(code);
  });

  it("refuses WebSocket upgrades outside /app/{key}", async () => {
    const { port } = await start();
    await expect(open(port, "protocol=7", "key/extra")).rejects.toThrow("Unexpected server response: 404");
  });

  it("refuses connections over the quota with 4004 and accepts again once one leaves", async () => {
    const { port, stats } = await start({ maxConnections: 2 });
    const first = await RawClient.connect(port);
    await RawClient.connect(port).then(({ client }) => raws.push(client));
    raws.push(first.client);
    const third = await open(port);
    expect((await third.next("pusher:error")).data).toMatchObject({ code: 4004, message: "Over connection quota" });
    expect((await third.closed).code).toBe(4004);
    first.client.close();
    await waitUntil("the server forgets the closed socket", () => stats().connections === 1);
    const fourth = await open(port);
    await fourth.next("pusher:connection_established");
  });
});

describe("heartbeats", () => {
  it("answers pusher:ping with pusher:pong", async () => {
    const { port } = await start();
    const { client } = await RawClient.connect(port);
    raws.push(client);
    client.send({ event: "pusher:ping", data: {} });
    await client.next("pusher:pong");
  });

  it("pings an idle socket and closes it with 4201 when no pong comes", async () => {
    const { port, stats } = await start({ activityTimeoutSeconds: 0.1, pongTimeoutSeconds: 0.1 });
    const { client } = await RawClient.connect(port);
    raws.push(client);
    await client.next("pusher:ping");
    const closed = await client.closed;
    expect(closed).toEqual({ code: 4201, reason: "Pong reply not received" });
    expect(stats()).toMatchObject({ idleConnectionsClosed: 1, connections: 0 });
  });

  it("keeps a socket that answers its pings", async () => {
    const { port, stats } = await start({ activityTimeoutSeconds: 0.1, pongTimeoutSeconds: 0.1 });
    const { client } = await RawClient.connect(port);
    raws.push(client);
    for (let round = 0; round < 3; round++) {
      await client.next("pusher:ping");
      client.send({ event: "pusher:pong", data: {} });
    }
    expect(stats()).toMatchObject({ idleConnectionsClosed: 0, connections: 1 });
  });

  it("keeps a pusher-js client alive across several short activity timeouts", async () => {
    const { port, stats } = await start({ activityTimeoutSeconds: 0.1, pongTimeoutSeconds: 0.1 });
    const client: PusherClient = createClient(port, createPublisher(port));
    await connected(client);
    await waitFor("three server pings", (resolve) => {
      let pings = 0;
      client.connection.bind("message", (event: { event: string }) => {
        if (event.event === "pusher:ping" && ++pings === 3) resolve(undefined);
      });
    });
    expect(client.connection.state).toBe("connected");
    expect(stats().idleConnectionsClosed).toBe(0);
    client.disconnect();
  });
});

describe("frame limits and bad input", () => {
  it("answers malformed frames with pusher:error and keeps the connection", async () => {
    const { port, stats } = await start();
    const { client } = await RawClient.connect(port);
    raws.push(client);
    const garbage = ["not json", "[1,2]", "{}", '{"event":5}', "null", '{"event":"pusher:subscribe","data":5}'];
    for (const frame of garbage) client.send(frame);
    client.send({ event: "pusher:subscribe", data: "{broken" });
    client.send({ event: "pusher:unsubscribe" });
    client.send({ event: "pusher:signin", data: {} });
    client.send({ event: "no-such-event", data: {} });
    client.send(Buffer.from([0xff, 0x00, 0xfe]));
    for (let index = 0; index < 11; index++) {
      expect((await client.next("pusher:error")).data).toMatchObject({ code: 4300 });
    }
    client.send({ event: "pusher:ping", data: {} });
    await client.next("pusher:pong");
    expect(stats().connections).toBe(1);
  });

  it("closes a socket that sends a frame over the size limit with 1009, and stays up", async () => {
    const { port } = await start({ maxMessageBytes: 10_240 });
    const { client } = await RawClient.connect(port);
    raws.push(client);
    client.send({ event: "pusher:ping", data: { padding: "x".repeat(10_300) } });
    expect((await client.closed).code).toBe(1009);
    const { client: next } = await RawClient.connect(port);
    raws.push(next);
    next.send({ event: "pusher:ping", data: {} });
    await next.next("pusher:pong");
  });

  it("closes every socket with 4200 on close() and can be closed twice", async () => {
    const started = await start();
    const { client } = await RawClient.connect(started.port);
    raws.push(client);
    await Promise.all([started.close(), started.close()]);
    expect((await client.closed).code).toBe(4200);
  });
});
