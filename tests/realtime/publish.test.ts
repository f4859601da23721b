// Publishing through the HTTP API with `pusher` and receiving with `pusher-js`, as the app does.
import type Pusher from "pusher";
import type PusherClient from "pusher-js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { RealtimeServer } from "../../realtime";
import { connected, createClient, createPublisher, nextEvent, recordEvents, startServer, subscribed, waitFor } from "./helpers";

let server: RealtimeServer;
let publisher: Pusher;
const clients: PusherClient[] = [];

function client(userId = "user-1"): PusherClient {
  const created = createClient(server.port, publisher, { id: userId, info: { name: userId } });
  clients.push(created);
  return created;
}

beforeEach(async () => {
  server = await startServer();
  publisher = createPublisher(server.port);
});

afterEach(async () => {
  for (const created of clients.splice(0)) created.disconnect();
  await server.close();
});

describe("publishing", () => {
  it.each(["kpis", "private-kpis", "presence-viewers", "private-encrypted-notes"])("delivers an event on %s", async (name) => {
    const channel = await subscribed(client(), name);
    const received = nextEvent(channel, "kpi.updated");
    await publisher.trigger(name, "kpi.updated", { seq: 1, revenue: 42 });
    expect((await received).data).toEqual({ seq: 1, revenue: 42 });
  });

  it("delivers one event to several channels and a batch of events", async () => {
    const subscriber = client();
    const [a, b] = await Promise.all([subscribed(subscriber, "private-a"), subscribed(subscriber, "private-b")]);
    const both = Promise.all([nextEvent(a, "multi"), nextEvent(b, "multi")]);
    await publisher.trigger(["private-a", "private-b"], "multi", { seq: 1 });
    expect((await both).map((event) => event.data)).toEqual([{ seq: 1 }, { seq: 1 }]);

    const batch = Promise.all([nextEvent(a, "first"), nextEvent(b, "second")]);
    const response = await publisher.triggerBatch([
      { channel: "private-a", name: "first", data: { seq: 2 } },
      { channel: "private-b", name: "second", data: "plain text" },
    ]);
    expect(response.status).toBe(200);
    expect((await batch).map((event) => event.data)).toEqual([{ seq: 2 }, "plain text"]);
  });

  it("leaves out the publisher's own socket_id", async () => {
    const self = client();
    const other = client("user-2");
    const [mine, theirs] = await Promise.all([subscribed(self, "private-kpis"), subscribed(other, "private-kpis")]);
    const mineEvents = recordEvents(mine);
    const theirsEvents = recordEvents(theirs);
    const markers = Promise.all([nextEvent(mine, "marker"), nextEvent(theirs, "marker")]);
    await publisher.trigger("private-kpis", "echo", { seq: 1 }, { socket_id: self.connection.socket_id });
    await publisher.trigger("private-kpis", "marker", { seq: 2 });
    await markers;
    // A connection delivers in order, so the excluded event would have arrived before the marker.
    expect(mineEvents.map((event) => event.event)).toEqual(["marker"]);
    expect(theirsEvents.map((event) => event.event)).toEqual(["echo", "marker"]);
  });

  it("stops delivering after unsubscribe", async () => {
    const subscriber = client();
    const kpis = await subscribed(subscriber, "private-kpis");
    const events = recordEvents(kpis);
    subscriber.unsubscribe("private-kpis");
    // Frames are handled in order: once this later subscription succeeds, the unsubscribe was applied.
    const control = await subscribed(subscriber, "private-control");
    const marker = nextEvent(control, "marker");
    await publisher.trigger("private-kpis", "kpi.updated", { seq: 1 });
    await publisher.trigger("private-control", "marker", {});
    await marker;
    expect(events).toEqual([]);
    const info = (await (await publisher.get({ path: "/channels/private-kpis" })).json()) as { occupied: boolean };
    expect(info.occupied).toBe(false);
  });

  it("replays the last event of a cache channel to a new subscriber, or reports a cache miss", async () => {
    await publisher.trigger("private-cache-kpis", "snapshot", { seq: 1 });
    await publisher.trigger("private-cache-kpis", "snapshot", { seq: 2 });
    const late = client();
    const cached = late.subscribe("private-cache-kpis");
    expect((await nextEvent(cached, "snapshot")).data).toEqual({ seq: 2 });

    const empty = late.subscribe("cache-nothing-yet");
    await nextEvent(empty, "pusher:cache_miss");
  });

  it("signs users in and delivers sendToUser events to all their sockets", async () => {
    const sockets = [client("user-7"), client("user-7")];
    await Promise.all(sockets.map(connected));
    for (const socket of sockets) socket.signin();
    // pusher-js joins the user's channel after pusher:signin_success; wait until the server sees both.
    const path = `/channels/${encodeURIComponent("#server-to-user-user-7")}`;
    const count = async () => ((await (await publisher.get({ path })).json()) as { subscription_count: number }).subscription_count;
    await expect.poll(count, { timeout: 3000, interval: 10 }).toBe(2);
    const received = sockets.map((socket) => waitFor("notice", (resolve) => socket.user.bind("notice", resolve)));
    await publisher.sendToUser("user-7", "notice", { text: "hello" });
    expect(await Promise.all(received)).toEqual([{ text: "hello" }, { text: "hello" }]);
  });
});
