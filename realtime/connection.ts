// One client socket: bounded outbound buffer, idle pings, and the channels it joined.
import { randomInt } from "node:crypto";

import { WebSocket } from "ws";

import type { AppState } from "./app-state";
import { encodeError, encodeEvent, ErrorCode } from "./protocol";
import { RateLimiter } from "./rate-limiter";
import type { ServerContext } from "./server-context";
import type { SignedInUser, Socket } from "./socket";

/** Pusher socket ids are two integers joined by a dot; the SDKs validate that shape. */
function createSocketId(): string {
  return `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`;
}

export class Connection implements Socket {
  readonly socketId = createSocketId();
  readonly channels = new Set<string>();
  readonly clientEvents: RateLimiter;
  readonly subscriptions: RateLimiter;
  /** Joins that announce a new presence member, so join/leave storms cannot flood the other members. */
  readonly presenceJoins: RateLimiter;
  /** Each rate-limit refusal takes one; when none are left the client is abusive and is closed. */
  private readonly strikes: RateLimiter;
  /** Set by `pusher:signin`. */
  user: SignedInUser | undefined;
  private readonly idleTimer: NodeJS.Timeout;
  private pongTimer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    private readonly ws: WebSocket,
    readonly app: AppState,
    readonly ctx: ServerContext,
    /** The client address its connection counts against (see client-address.ts). */
    readonly address: string,
  ) {
    const { options } = ctx;
    this.clientEvents = new RateLimiter(options.clientEventsPerSecond);
    this.subscriptions = new RateLimiter(options.subscriptionsPerSecond);
    this.presenceJoins = new RateLimiter(options.presenceJoinsPerSecond, options.presenceJoinBurst);
    this.strikes = new RateLimiter(1, options.maxRateLimitStrikes);
    ctx.connectionsPerAddress.add(address);
    this.idleTimer = setTimeout(() => this.pingIdle(), ctx.options.activityTimeoutSeconds * 1000);
  }

  /** Queues a serialized frame; a socket that does not drain its buffer is dropped instead of growing it. */
  send(payload: string | Buffer): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > this.ctx.options.maxBufferedBytes) {
      this.ctx.counters.slowConsumersDropped += 1;
      // terminate, not close: a close frame would queue behind the backlog we want to free.
      this.ws.terminate();
      return;
    }
    this.ws.send(payload, { binary: false });
    this.ctx.counters.messagesSent += 1;
  }

  sendEvent(event: string, data: unknown, channel?: string): void {
    this.send(encodeEvent(event, data, channel));
  }

  sendError(code: number, message: string): void {
    this.send(encodeError(code, message));
  }

  /** Reports a frame refused for its rate with 4301, and closes a client that keeps ignoring that. */
  rateLimited(message: string): void {
    this.sendError(ErrorCode.rateLimited, message);
    if (this.strikes.take()) return;
    this.ctx.counters.connectionsClosedForAbuse += 1;
    this.close(ErrorCode.rateLimited, "Too many requests over the rate limit");
  }

  /** Any frame from the client proves it is alive. */
  markActive(): void {
    this.idleTimer.refresh();
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close(code, reason);
    this.dispose();
  }

  /** Leaves every channel at once, so presence does not wait for the close handshake. Idempotent. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.idleTimer);
    clearTimeout(this.pongTimer);
    this.app.removeConnection(this);
    this.ctx.connections.delete(this);
    this.ctx.connectionsPerAddress.remove(this.address);
  }

  private pingIdle(): void {
    this.sendEvent("pusher:ping", {});
    this.pongTimer = setTimeout(() => {
      this.ctx.counters.idleConnectionsClosed += 1;
      this.close(ErrorCode.pongNotReceived, "Pong reply not received");
    }, this.ctx.options.pongTimeoutSeconds * 1000);
  }
}
