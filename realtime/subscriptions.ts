// pusher:subscribe and pusher:unsubscribe: authorization, presence membership and cache replay.
import { classifyChannel, USER_CHANNEL_PREFIX, type ChannelType } from "./channel-names";
import type { PresenceMember } from "./channels";
import type { Connection } from "./connection";
import { encodeEvent, ErrorCode, presenceMemberSchema, subscribeDataSchema, unsubscribeDataSchema } from "./protocol";
import { isValidChannelAuth } from "./signature";

/** Pusher's limit on `user_info`, so one member cannot bloat every presence payload. */
const MAX_USER_INFO_BYTES = 1024;

interface SubscriptionError {
  status: number;
  type: string;
  error: string;
}

type Outcome = { ok: true; member?: PresenceMember } | ({ ok: false } & SubscriptionError);

const denied = (error: string): Outcome => ({ ok: false, status: 401, type: "AuthError", error });
const limited = (error: string): Outcome => ({ ok: false, status: 403, type: "LimitReached", error });

export function subscribe(connection: Connection, input: unknown): void {
  const parsed = subscribeDataSchema.safeParse(input);
  if (!parsed.success) return connection.sendError(ErrorCode.genericError, "pusher:subscribe needs data.channel");
  const { channel, auth, channel_data: channelData } = parsed.data;
  const type = classifyChannel(channel);
  if (!type) return reject(connection, channel, { status: 400, type: "InvalidChannel", error: `Invalid channel name '${channel}'` });
  const { app } = connection;
  // A repeated subscribe is answered again but does not join twice.
  if (!connection.channels.has(channel)) {
    const outcome = authorize(connection, channel, type, auth, channelData);
    if (!outcome.ok) return reject(connection, channel, outcome);
    app.join(connection, channel, outcome.member);
  }
  connection.sendEvent(
    "pusher_internal:subscription_succeeded",
    type.kind === "presence" ? presenceData(connection, channel) : {},
    channel,
  );
  if (!type.cached) return;
  const cached = app.cachedEvent(channel);
  if (cached === undefined) connection.sendEvent("pusher:cache_miss", undefined, channel);
  else connection.send(cached);
}

export function unsubscribe(connection: Connection, input: unknown): void {
  const parsed = unsubscribeDataSchema.safeParse(input);
  if (!parsed.success) return connection.sendError(ErrorCode.genericError, "pusher:unsubscribe needs data.channel");
  connection.app.leave(connection, parsed.data.channel);
}

function authorize(connection: Connection, channel: string, type: ChannelType, auth = "", channelData?: string): Outcome {
  const { app, ctx, socketId } = connection;
  if (connection.channels.size >= ctx.options.maxChannelsPerConnection) {
    return limited(`A connection may join at most ${ctx.options.maxChannelsPerConnection} channels`);
  }
  switch (type.kind) {
    case "public":
      return { ok: true };
    case "user":
      return channel === `${USER_CHANNEL_PREFIX}${connection.user?.id}`
        ? { ok: true }
        : denied("Only the signed-in user may join this channel");
    case "private":
    case "encrypted":
      return isValidChannelAuth(app.config, socketId, channel, auth) ? { ok: true } : denied(`Invalid signature for '${channel}'`);
    case "presence": {
      if (!isValidChannelAuth(app.config, socketId, channel, auth, channelData)) return denied(`Invalid signature for '${channel}'`);
      const member = parseMember(connection, channelData);
      if (!member)
        return { ok: false, status: 400, type: "InvalidChannelData", error: "channel_data needs a user_id and a small user_info" };
      // Only a join that announces a new member costs a token; each member_removed follows one such join.
      if (app.channels.hasMember(channel, member.userId)) return { ok: true, member };
      if (app.channels.userCount(channel) >= ctx.options.maxPresenceMembers) return limited(`Presence channel '${channel}' is full`);
      if (connection.presenceJoins.take()) return { ok: true, member };
      ctx.counters.presenceJoinsRefused += 1;
      return { ok: false, status: 429, type: "LimitReached", error: "Too many presence joins from this connection; retry later" };
    }
  }
}

/** Members come from the signed `channel_data`, or from `pusher:signin` when the client sent none. */
function parseMember(connection: Connection, channelData?: string): PresenceMember | undefined {
  if (channelData === undefined) return connection.user && { userId: connection.user.id, info: connection.user.info };
  let json: unknown;
  try {
    json = JSON.parse(channelData);
  } catch {
    return undefined;
  }
  const parsed = presenceMemberSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const info = parsed.data.user_info ?? null;
  if (Buffer.byteLength(JSON.stringify(info)) > MAX_USER_INFO_BYTES) return undefined;
  return { userId: parsed.data.user_id, info };
}

/** The connection stays open: pusher-js reports this on the channel as `pusher:subscription_error`. */
function reject(connection: Connection, channel: string, { status, type, error }: SubscriptionError): void {
  connection.send(encodeEvent("pusher:subscription_error", { type, error, status }, channel));
}

function presenceData(connection: Connection, channel: string) {
  const members = connection.app.channels.members(channel);
  return {
    presence: {
      ids: members.map((member) => member.userId),
      hash: Object.fromEntries(members.map((member) => [member.userId, member.info])),
      count: members.length,
    },
  };
}
