// Who is subscribed to which channel of one app, and who is present on presence channels.
import type { Socket } from "./socket";

export interface PresenceMember {
  userId: string;
  info: unknown;
}

interface ChannelState {
  /** Each subscribed socket, with its user id on presence channels. */
  sockets: Map<Socket, string | undefined>;
  /** Presence users; one user may be here through several sockets and counts once. */
  members: Map<string, { info: unknown; sockets: number }>;
}

export class ChannelRegistry {
  private readonly channels = new Map<string, ChannelState>();

  get size(): number {
    return this.channels.size;
  }

  names(): IterableIterator<string> {
    return this.channels.keys();
  }

  /** Adds the socket; `memberAdded` is true when this is the user's first socket on the channel. */
  join(socket: Socket, name: string, member?: PresenceMember): { memberAdded: boolean } {
    let state = this.channels.get(name);
    if (!state) {
      state = { sockets: new Map(), members: new Map() };
      this.channels.set(name, state);
    }
    state.sockets.set(socket, member?.userId);
    if (!member) return { memberAdded: false };
    const existing = state.members.get(member.userId);
    if (existing) {
      existing.sockets += 1;
      return { memberAdded: false };
    }
    state.members.set(member.userId, { info: member.info, sockets: 1 });
    return { memberAdded: true };
  }

  /** Removes the socket; `memberRemoved` names a presence user whose last socket just left. */
  leave(socket: Socket, name: string): { memberRemoved?: string } {
    const state = this.channels.get(name);
    if (!state || !state.sockets.has(socket)) return {};
    const userId = state.sockets.get(socket);
    state.sockets.delete(socket);
    if (state.sockets.size === 0) this.channels.delete(name);
    if (userId === undefined) return {};
    const member = state.members.get(userId);
    if (!member) return {};
    member.sockets -= 1;
    if (member.sockets > 0) return {};
    state.members.delete(userId);
    return { memberRemoved: userId };
  }

  sockets(name: string): Iterable<Socket> {
    return this.channels.get(name)?.sockets.keys() ?? [];
  }

  subscriptionCount(name: string): number {
    return this.channels.get(name)?.sockets.size ?? 0;
  }

  userCount(name: string): number {
    return this.channels.get(name)?.members.size ?? 0;
  }

  /** The presence user a socket joined as. */
  userIdOf(socket: Socket, name: string): string | undefined {
    return this.channels.get(name)?.sockets.get(socket);
  }

  hasMember(name: string, userId: string): boolean {
    return this.channels.get(name)?.members.has(userId) ?? false;
  }

  members(name: string): PresenceMember[] {
    const members = this.channels.get(name)?.members ?? new Map<string, { info: unknown }>();
    return [...members].map(([userId, member]) => ({ userId, info: member.info }));
  }
}
