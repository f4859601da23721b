// What a channel name means under the Pusher conventions (prefix → access rules, cache flag).

export type ChannelKind = "public" | "private" | "encrypted" | "presence" | "user";

export interface ChannelType {
  kind: ChannelKind;
  /** Cache channels replay their last event to each new subscriber. */
  cached: boolean;
}

/** Channels that `pusher.sendToUser` publishes to; only the signed-in user may join. */
export const USER_CHANNEL_PREFIX = "#server-to-user-";

const NAME_PATTERN = /^[A-Za-z0-9_\-=@,.;]+$/;
const MAX_NAME_LENGTH = 200;

/** Returns undefined for a name Pusher would refuse. */
export function classifyChannel(name: string): ChannelType | undefined {
  if (name.length > MAX_NAME_LENGTH) return undefined;
  if (name.startsWith(USER_CHANNEL_PREFIX)) {
    return name.length > USER_CHANNEL_PREFIX.length ? { kind: "user", cached: false } : undefined;
  }
  if (!NAME_PATTERN.test(name)) return undefined;
  if (name.startsWith("private-encrypted-")) return { kind: "encrypted", cached: name.startsWith("private-encrypted-cache-") };
  if (name.startsWith("private-")) return { kind: "private", cached: name.startsWith("private-cache-") };
  if (name.startsWith("presence-")) return { kind: "presence", cached: name.startsWith("presence-cache-") };
  return { kind: "public", cached: name.startsWith("cache-") };
}
