// Live state of one Pusher app: its channels, cached events and signed-in users.
import { classifyChannel } from "./channel-names";
import { ChannelRegistry, type PresenceMember } from "./channels";
import { EventCache } from "./event-cache";
import type { AppConfig } from "./options";
import { encodeEvent } from "./protocol";
import type { SignedInUser, Socket } from "./socket";

interface PublishOptions {
  /** The publisher's own socket, which Pusher leaves out (`socket_id` of the HTTP API). */
  exceptSocketId?: string;
  /** Set on client events of presence channels so receivers know who sent them. */
  userId?: string;
}

export class AppState {
  readonly channels = new ChannelRegistry();
  private readonly cache: EventCache;
  private readonly users = new Map<string, Set<Socket>>();

  constructor(
    readonly config: AppConfig,
    cacheTtlSeconds: number,
  ) {
    this.cache = new EventCache(cacheTtlSeconds * 1000);
  }

  /** Delivers an event to a channel's subscribers, remembering it on cache channels. */
  publish(channel: string, event: string, data: unknown, options: PublishOptions = {}): void {
    const payload = encodeEvent(event, data, channel, options.userId);
    if (classifyChannel(channel)?.cached) this.cache.set(channel, payload);
    this.broadcast(channel, payload, options.exceptSocketId);
  }

  cachedEvent(channel: string): string | undefined {
    return this.cache.get(channel);
  }

  join(socket: Socket, channel: string, member?: PresenceMember): void {
    socket.channels.add(channel);
    const { memberAdded } = this.channels.join(socket, channel, member);
    if (memberAdded && member) {
      const data = { user_id: member.userId, user_info: member.info };
      this.broadcast(channel, encodeEvent("pusher_internal:member_added", data, channel), socket.socketId);
    }
  }

  leave(socket: Socket, channel: string): void {
    if (!socket.channels.delete(channel)) return;
    const { memberRemoved } = this.channels.leave(socket, channel);
    if (memberRemoved !== undefined) {
      this.broadcast(channel, encodeEvent("pusher_internal:member_removed", { user_id: memberRemoved }, channel));
    }
  }

  signIn(socket: Socket, user: SignedInUser): void {
    socket.user = user;
    const sockets = this.users.get(user.id) ?? new Set();
    sockets.add(socket);
    this.users.set(user.id, sockets);
  }

  connectionsOfUser(userId: string): Socket[] {
    return [...(this.users.get(userId) ?? [])];
  }

  /** Called once per socket when it goes away: leaves every channel so presence stays accurate. */
  removeConnection(socket: Socket): void {
    for (const channel of [...socket.channels]) this.leave(socket, channel);
    if (!socket.user) return;
    const sockets = this.users.get(socket.user.id);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.users.delete(socket.user.id);
  }

  /** Encoded to UTF-8 once; every socket then sends the same bytes. */
  private broadcast(channel: string, payload: string, exceptSocketId?: string): void {
    const frame = Buffer.from(payload, "utf8");
    for (const socket of this.channels.sockets(channel)) {
      if (socket.socketId !== exceptSocketId) socket.send(frame);
    }
  }
}
