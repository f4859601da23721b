// client-* events: only where the app allows them, only on joined private/presence channels,
// never echoed, rate limited per connection, and tagged with user_id on presence channels.
import type Pusher from "pusher";
import type PusherClient from "pusher-js";
import { afterEach, describe, expect, it } from "vitest";

import type { RealtimeServer } from "../../realtime";
import { createClient, createPublisher, nextEvent, RawClient, startServer, subscribed } from "./helpers";

let server: RealtimeServer | undefined;
const closers: (() => void)[] = [];

async function start(enableClientEvents: boolean): Promise<{ port: number; publisher: Pusher }> {
  server = await startServer({ enableClientEvents });
  return { port: server.port, publisher: createPublisher(server.port) };
}

/** A raw socket joined to `channels`, signing private and presence subscriptions with the publisher. */
async function joinRaw(port: number, publisher: Pusher, channels: string[], userId = "raw-user"): Promise<RawClient> {
  const { client, socketId } = await RawClient.connect(port);
  closers.push(() => client.close());
  for (const channel of channels) {
    const member = channel.startsWith("presence-") ? { user_id: userId } : undefined;
    const auth = channel.startsWith("private-") || member ? publisher.authorizeChannel(socketId, channel, member) : { auth: "" };
    client.send({ event: "pusher:subscribe", data: { channel, ...auth } });
    await client.next("pusher_internal:subscription_succeeded", channel);
  }
  return client;
}

afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await server?.close();
  server = undefined;
});

describe("client events", () => {
  it("relays between pusher-js subscribers of a presence channel with the sender's user_id, not to the sender", async () => {
    const { port, publisher } = await start(true);
    const alice: PusherClient = createClient(port, publisher, { id: "alice" });
    const bob: PusherClient = createClient(port, publisher, { id: "bob" });
    closers.push(
      () => alice.disconnect(),
      () => bob.disconnect(),
    );
    const [fromAlice, toBob] = await Promise.all([subscribed(alice, "presence-room"), subscribed(bob, "presence-room")]);
    const echoed: unknown[] = [];
    fromAlice.bind("client-typing", (data: unknown) => echoed.push(data));
    const received = nextEvent(toBob, "client-typing");
    fromAlice.trigger("client-typing", { typing: true });
    expect(await received).toEqual({ data: { typing: true }, metadata: { user_id: "alice" } });

    // Alice's next server event arrives after her own client event would have.
    const marker = nextEvent(fromAlice, "marker");
    await publisher.trigger("presence-room", "marker", {});
    await marker;
    expect(echoed).toEqual([]);
  });

  it("relays on private channels without a user_id", async () => {
    const { port, publisher } = await start(true);
    const [sender, receiver] = await Promise.all([joinRaw(port, publisher, ["private-chat"]), joinRaw(port, publisher, ["private-chat"])]);
    sender.send({ event: "client-note", channel: "private-chat", data: { text: "hi" } });
    const frame = await receiver.next("client-note", "private-chat");
    expect(frame).toEqual({ event: "client-note", channel: "private-chat", data: { text: "hi" } });
  });

  it("refuses them when the app has not enabled client events", async () => {
    const { port, publisher } = await start(false);
    const [sender, receiver] = await Promise.all([joinRaw(port, publisher, ["private-chat"]), joinRaw(port, publisher, ["private-chat"])]);
    sender.send({ event: "client-note", channel: "private-chat", data: {} });
    expect((await sender.next("pusher:error")).data).toMatchObject({ code: 4300, message: expect.stringContaining("not enabled") });
    await publisher.trigger("private-chat", "marker", {});
    await receiver.next("marker");
    expect(receiver.unread("client-note")).toEqual([]);
  });

  it("refuses them on public channels and on channels the socket has not joined", async () => {
    const { port, publisher } = await start(true);
    const sender = await joinRaw(port, publisher, ["public-news"]);
    sender.send({ event: "client-note", channel: "public-news", data: {} });
    expect((await sender.next("pusher:error")).data).toMatchObject({ message: expect.stringContaining("private and presence") });
    sender.send({ event: "client-note", channel: "private-elsewhere", data: {} });
    expect((await sender.next("pusher:error")).data).toMatchObject({ message: expect.stringContaining("has joined") });
    sender.send({ event: "client-note", data: {} });
    expect((await sender.next("pusher:error")).data).toMatchObject({ code: 4300 });
  });

  it("rate limits each connection to 10 events per second and reports the excess with 4301", async () => {
    const { port, publisher } = await start(true);
    const [sender, receiver] = await Promise.all([joinRaw(port, publisher, ["private-chat"]), joinRaw(port, publisher, ["private-chat"])]);
    for (let seq = 0; seq < 15; seq++) sender.send({ event: "client-burst", channel: "private-chat", data: { seq } });
    const errors = [];
    for (let index = 0; index < 5; index++) errors.push(await sender.next("pusher:error"));
    expect(errors.map((error) => (error.data as { code: number }).code)).toEqual([4301, 4301, 4301, 4301, 4301]);
    await publisher.trigger("private-chat", "marker", {});
    await receiver.next("marker");
    expect(receiver.unread("client-burst").map((frame) => (frame.data as { seq: number }).seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
