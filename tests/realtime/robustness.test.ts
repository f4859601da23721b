// One misbehaving client must not cost the server its memory or its other clients.
import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";

import type Pusher from "pusher";
import type PusherClient from "pusher-js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { RealtimeServer } from "../../realtime";
import { APP, createClient, createPublisher, nextEvent, RawClient, startServer, subscribed, waitFor, waitUntil } from "./helpers";

let server: RealtimeServer;
let publisher: Pusher;
const closers: (() => void)[] = [];

beforeEach(async () => {
  server = await startServer({ maxBufferedBytes: 64 * 1024 });
  publisher = createPublisher(server.port);
});

afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await server.close();
});

/** A WebSocket client that completes the upgrade, subscribes, then never reads another byte. */
async function openStalledSubscriber(port: number, channel: string): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  closers.push(() => socket.destroy());
  socket.on("error", () => undefined);
  await waitFor("the TCP connection", (resolve) => socket.once("connect", resolve));
  const key = randomBytes(16).toString("base64");
  socket.write(
    `GET /app/${APP.key}?protocol=7 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await waitFor("the upgrade response", (resolve) => socket.once("data", resolve));
  // Client frames must be masked; a zero mask keeps the payload readable.
  const payload = Buffer.from(JSON.stringify({ event: "pusher:subscribe", data: { channel } }));
  socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length, 0, 0, 0, 0]), payload]));
  socket.pause();
  return socket;
}

describe("robustness", () => {
  it("drops a subscriber that stops reading, and keeps serving the others", async () => {
    await openStalledSubscriber(server.port, "firehose");
    const healthy: PusherClient = createClient(server.port, publisher);
    closers.push(() => healthy.disconnect());
    const channel = await subscribed(healthy, "firehose");
    await waitUntil("both subscribers are in", () => server.stats().connections === 2);

    const data = "x".repeat(9_000);
    const batch = Array.from({ length: 10 }, () => ({ channel: "firehose", name: "bulk", data }));
    // Kernel socket buffers absorb a few MB first; publish until the server gives up on the stalled socket.
    for (let round = 0; round < 1000 && server.stats().slowConsumersDropped === 0; round++) {
      await publisher.triggerBatch(batch);
    }
    expect(server.stats().slowConsumersDropped).toBe(1);
    await waitUntil("the server forgets the stalled socket", () => server.stats().connections === 1);

    const marker = nextEvent(channel, "marker", 10_000);
    await publisher.trigger("firehose", "marker", { after: "drop" });
    expect((await marker).data).toEqual({ after: "drop" });
  });

  it("survives a storm of garbage from many sockets", async () => {
    const sockets = await Promise.all(Array.from({ length: 20 }, () => RawClient.connect(server.port)));
    for (const { client } of sockets) {
      closers.push(() => client.close());
      for (let index = 0; index < 50; index++) client.send(randomBytes(64));
      client.send({ event: "pusher:subscribe", data: { channel: "x".repeat(500) } });
      client.send({ event: "pusher:subscribe", data: { channel: "presence-room", auth: "k:bad", channel_data: "{" } });
      client.send({ event: "client-x", channel: "nowhere", data: "y".repeat(9_000) });
    }
    await Promise.all(sockets.map(({ client }) => client.next("pusher:subscription_error")));

    const client: PusherClient = createClient(server.port, publisher);
    closers.push(() => client.disconnect());
    const channel = await subscribed(client, "private-kpis");
    const received = nextEvent(channel, "kpi.updated");
    await publisher.trigger("private-kpis", "kpi.updated", { ok: true });
    expect((await received).data).toEqual({ ok: true });
    expect(server.stats().connections).toBe(21);
  });
});
