// Presence and authorization with pusher-js: members come and go once per user, bad auth is refused.
import type Pusher from "pusher";
import type PusherClient from "pusher-js";
import type { PresenceChannel } from "pusher-js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { RealtimeServer } from "../../realtime";
import type { SignedUser } from "../helpers/signed-pusher-client";
import { createClient, createPublisher, nextEvent, RawClient, startServer, subscribed, waitUntil } from "./helpers";

let server: RealtimeServer;
let publisher: Pusher;
const clients: PusherClient[] = [];

function client(user: SignedUser, signer = publisher): PusherClient {
  const created = createClient(server.port, signer, user);
  clients.push(created);
  return created;
}

async function subscriptionCount(): Promise<number> {
  const info = (await (await publisher.get({ path: "/channels/presence-viewers" })).json()) as { subscription_count: number };
  return info.subscription_count;
}

beforeEach(async () => {
  server = await startServer({ maxPresenceMembers: 3 });
  publisher = createPublisher(server.port);
});

afterEach(async () => {
  for (const created of clients.splice(0)) created.disconnect();
  await server.close();
});

describe("presence channels", () => {
  it("announces members once per user, however many sockets they use", async () => {
    const alice = (await subscribed(client({ id: "alice", info: { name: "Alice" } }), "presence-viewers")) as PresenceChannel;
    expect(alice.members.count).toBe(1);
    expect(alice.members.me).toEqual({ id: "alice", info: { name: "Alice" } });

    const added: unknown[] = [];
    const removed: unknown[] = [];
    alice.bind("pusher:member_added", (member: unknown) => added.push(member));
    alice.bind("pusher:member_removed", (member: unknown) => removed.push(member));

    const bobFirst = client({ id: "bob", info: { name: "Bob" } });
    const bobSecond = client({ id: "bob", info: { name: "Bob" } });
    const bobChannel = (await subscribed(bobFirst, "presence-viewers")) as PresenceChannel;
    expect(bobChannel.members.count).toBe(2);
    await subscribed(bobSecond, "presence-viewers");
    const marker = nextEvent(alice, "marker");
    await publisher.trigger("presence-viewers", "marker", {});
    await marker;
    expect(added).toEqual([{ id: "bob", info: { name: "Bob" } }]);
    expect(alice.members.count).toBe(2);

    // Bob's first socket leaving keeps him present through the second one.
    bobFirst.disconnect();
    await waitUntil("the server drops bob's first socket", async () => (await subscriptionCount()) === 2);
    const secondMarker = nextEvent(alice, "marker");
    await publisher.trigger("presence-viewers", "marker", {});
    await secondMarker;
    expect(removed).toEqual([]);

    const gone = nextEvent(alice, "pusher:member_removed");
    bobSecond.disconnect();
    expect((await gone).data).toEqual({ id: "bob", info: { name: "Bob" } });
    expect(alice.members.count).toBe(1);
  });

  it("refuses a subscription signed with another secret and keeps the connection", async () => {
    const forger = createPublisher(server.port, { secret: "not-the-secret" });
    const mallory = client({ id: "mallory" }, forger);
    for (const name of ["private-kpis", "presence-viewers"]) {
      const refused = await nextEvent(mallory.subscribe(name), "pusher:subscription_error");
      expect(refused.data).toMatchObject({ type: "AuthError", status: 401 });
    }
    expect(mallory.connection.state).toBe("connected");
    await subscribed(mallory, "public-news");
  });

  it("refuses channel_data that differs from what was signed, and a full presence channel", async () => {
    const { client: raw, socketId } = await RawClient.connect(server.port);
    const signed = publisher.authorizeChannel(socketId, "presence-viewers", { user_id: "alice" });
    const forged = JSON.stringify({ user_id: "admin" });
    raw.send({ event: "pusher:subscribe", data: { channel: "presence-viewers", auth: signed.auth, channel_data: forged } });
    expect((await raw.next("pusher:subscription_error")).data).toMatchObject({ status: 401 });

    for (const id of ["u1", "u2", "u3"]) await subscribed(client({ id }), "presence-viewers");
    const fourth = client({ id: "u4" });
    expect((await nextEvent(fourth.subscribe("presence-viewers"), "pusher:subscription_error")).data).toMatchObject({ status: 403 });
    raw.close();
  });

  it("takes a presence member from pusher:signin when channel_data is absent", async () => {
    const { client: raw, socketId } = await RawClient.connect(server.port);
    raw.send({ event: "pusher:signin", data: publisher.authenticateUser(socketId, { id: "dana", user_info: { role: "analyst" } }) });
    await raw.next("pusher:signin_success");
    const { auth } = publisher.authorizeChannel(socketId, "presence-viewers");
    raw.send({ event: "pusher:subscribe", data: { channel: "presence-viewers", auth } });
    const succeeded = await raw.next("pusher_internal:subscription_succeeded");
    expect(succeeded.data).toEqual({ presence: { ids: ["dana"], hash: { dana: { role: "analyst" } }, count: 1 } });
    raw.close();
  });

  it("lets the server terminate a signed-in user's connections", async () => {
    const { client: raw, socketId } = await RawClient.connect(server.port);
    const { auth, user_data } = publisher.authenticateUser(socketId, { id: "carol" });
    raw.send({ event: "pusher:signin", data: { auth: "pulseboard-key:forged", user_data } });
    expect((await raw.next("pusher:error")).data).toMatchObject({ code: 4009 });
    raw.send({ event: "pusher:signin", data: { auth, user_data } });
    await raw.next("pusher:signin_success");
    await publisher.terminateUserConnections("carol");
    expect((await raw.closed).code).toBe(4009);
  });
});
