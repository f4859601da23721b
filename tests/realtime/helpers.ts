// Test harness for the embedded realtime server: a server per test on a free port, the official
// `pusher` (publisher, signatures) and `pusher-js` (subscriber) packages, and a raw ws client for
// frames the official clients never send.
import Pusher from "pusher";
import type PusherClient from "pusher-js";
import { type Channel } from "pusher-js";
import { vi } from "vitest";
import { WebSocket } from "ws";

import { createRealtimeServer, type RealtimeServer } from "../../realtime";
import type { RealtimeServerOptions } from "../../realtime";
import { createSignedClient, type SignedUser } from "../helpers/signed-pusher-client";

export const APP = { id: "pulseboard", key: "pulseboard-key", secret: "pulseboard-secret" } as const;

const DEFAULT_WAIT_MS = 3000;

export function startServer(options: Partial<RealtimeServerOptions> & { enableClientEvents?: boolean } = {}): Promise<RealtimeServer> {
  const { enableClientEvents = false, ...rest } = options;
  return createRealtimeServer({ port: 0, apps: [{ ...APP, enableClientEvents }], ...rest });
}

/** Lets the publisher encrypt events for `private-encrypted-` channels (end-to-end; the server only relays). */
const ENCRYPTION_MASTER_KEY = Buffer.alloc(32, 7).toString("base64");

export function createPublisher(port: number, overrides: Partial<Pusher.BaseOptions> = {}): Pusher {
  const options = { ...APP, appId: APP.id, encryptionMasterKeyBase64: ENCRYPTION_MASTER_KEY, ...overrides };
  return new Pusher({ ...options, host: "127.0.0.1", port: String(port) });
}

/** A signed REST query string as the publisher would make it `offsetMs` from now (the server shares this clock). */
export function signedQueryAt(publisher: Pusher, request: { method: string; path: string; body?: string }, offsetMs = 0): string {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + offsetMs });
  try {
    return publisher.createSignedQueryString(request);
  } finally {
    vi.useRealTimers();
  }
}

/** POSTs `body` under /apps/{id}, signed like the SDK but without its checks (and its typings, which want a string it then re-encodes). */
export async function signedPost(publisher: Pusher, port: number, path: string, body: unknown): Promise<number> {
  const text = JSON.stringify(body);
  const fullPath = `/apps/${APP.id}${path}`;
  const query = signedQueryAt(publisher, { method: "POST", path: fullPath, body: text });
  const headers = { "content-type": "application/json" };
  return (await fetch(`http://127.0.0.1:${port}${fullPath}?${query}`, { method: "POST", body: text, headers })).status;
}

/** A pusher-js client whose auth endpoints are replaced by the publisher's signing functions. */
export function createClient(port: number, signer: Pusher, user?: SignedUser): PusherClient {
  return createSignedClient(APP.key, port, signer, user);
}

/** Resolves with the first value passed to `resolve`, or fails after `ms` naming what never happened. */
export function waitFor<T>(what: string, register: (resolve: (value: T) => void) => void, ms = DEFAULT_WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    register((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** Polls a condition on server state that has no event to await. */
export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, ms = DEFAULT_WAIT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function nextEvent(channel: Channel, event: string, ms?: number): Promise<{ data: unknown; metadata: { user_id?: string } }> {
  return waitFor(
    `${event} on ${channel.name}`,
    (resolve) => {
      const handler = (data: unknown, metadata: { user_id?: string }) => {
        channel.unbind(event, handler);
        resolve({ data, metadata });
      };
      channel.bind(event, handler);
    },
    ms,
  );
}

export async function connected(client: PusherClient): Promise<string> {
  if (client.connection.state !== "connected") {
    await waitFor("pusher-js to connect", (resolve) => client.connection.bind("connected", resolve));
  }
  return client.connection.socket_id;
}

export async function subscribed(client: PusherClient, name: string): Promise<Channel> {
  const channel = client.subscribe(name);
  await nextEvent(channel, "pusher:subscription_succeeded");
  return channel;
}

/** Records every event a channel receives, in order. */
export function recordEvents(channel: Channel): { event: string; data: unknown }[] {
  const events: { event: string; data: unknown }[] = [];
  channel.bind_global((event: string, data: unknown) => {
    if (!event.startsWith("pusher")) events.push({ event, data });
  });
  return events;
}

export interface Frame {
  event: string;
  channel?: string;
  data?: unknown;
  user_id?: string;
}

/** A bare protocol client: sends arbitrary frames and awaits the server's replies in order. */
export class RawClient {
  /** Every text frame as it came over the wire, for assertions on the exact encoding. */
  readonly wire: string[] = [];
  private readonly inbox: Frame[] = [];
  private readonly waiters: { match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (raw: Buffer) => {
      this.wire.push(raw.toString("utf8"));
      this.receive(JSON.parse(raw.toString("utf8")) as Frame);
    });
    this.closed = new Promise((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async open(
    port: number,
    query = "protocol=7&client=raw-test&version=1.0",
    key: string = APP.key,
    headers: Record<string, string> = {},
  ): Promise<RawClient> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/app/${key}?${query}`, { headers });
    const client = new RawClient(ws);
    await new Promise((resolve, reject) => {
      ws.once("open", resolve);
      ws.once("error", reject);
    });
    return client;
  }

  /** Opens a socket and returns it with its socket id once the handshake arrived. */
  static async connect(port: number): Promise<{ client: RawClient; socketId: string }> {
    const client = await RawClient.open(port);
    const handshake = await client.next("pusher:connection_established");
    return { client, socketId: (handshake.data as { socket_id: string }).socket_id };
  }

  send(frame: Frame | string | Buffer): void {
    this.ws.send(typeof frame === "object" && !Buffer.isBuffer(frame) ? JSON.stringify(frame) : frame);
  }

  /** The next unread frame with this event name, or one of these names (and channel, when given). */
  next(event: string | string[], channel?: string, ms?: number): Promise<Frame> {
    const events = [event].flat();
    const match = (frame: Frame) => events.includes(frame.event) && (channel === undefined || frame.channel === channel);
    const index = this.inbox.findIndex(match);
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0] as Frame);
    return waitFor(`${events.join(" or ")} on the raw socket`, (resolve) => this.waiters.push({ match, resolve }), ms);
  }

  /** Frames received but not yet consumed by `next`. */
  unread(event: string): Frame[] {
    return this.inbox.filter((frame) => frame.event === event);
  }

  close(): void {
    this.ws.close();
  }

  private receive(frame: Frame): void {
    // Like pusher-js, decode data that arrives as a JSON string.
    if (typeof frame.data === "string") {
      try {
        frame.data = JSON.parse(frame.data) as unknown;
      } catch {
        // plain string data stays as it is
      }
    }
    const index = this.waiters.findIndex((waiter) => waiter.match(frame));
    if (index >= 0) this.waiters.splice(index, 1)[0]?.resolve(frame);
    else this.inbox.push(frame);
  }
}
