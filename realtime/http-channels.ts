// GET /apps/{id}/channels[/{name}[/users]]: what is occupied, by how many sockets and users.
import type { AppState } from "./app-state";
import { classifyChannel, USER_CHANNEL_PREFIX } from "./channel-names";
import { HttpError } from "./http-error";

/** The `info` query parameter: a comma-separated list such as `user_count,subscription_count`. */
export function parseInfo(info: string | null | undefined): Set<string> {
  return new Set((info ?? "").split(",").filter(Boolean));
}

export function describeChannel(app: AppState, name: string, info: Set<string>): Record<string, number> {
  const attributes: Record<string, number> = {};
  if (info.has("subscription_count")) attributes.subscription_count = app.channels.subscriptionCount(name);
  if (info.has("user_count") && classifyChannel(name)?.kind === "presence") attributes.user_count = app.channels.userCount(name);
  return attributes;
}

export function listChannels(app: AppState, query: URLSearchParams) {
  const prefix = query.get("filter_by_prefix") ?? "";
  const info = parseInfo(query.get("info"));
  if (info.has("user_count") && !prefix.startsWith("presence-")) {
    throw new HttpError(400, "info=user_count requires filter_by_prefix=presence-");
  }
  const channels: Record<string, Record<string, number>> = {};
  for (const name of app.channels.names()) {
    // Per-user channels are an implementation detail of sendToUser, as on Pusher.
    if (name.startsWith(prefix) && !name.startsWith(USER_CHANNEL_PREFIX)) channels[name] = describeChannel(app, name, info);
  }
  return { channels };
}

export function getChannel(app: AppState, name: string, query: URLSearchParams) {
  const presence = checkedKind(name) === "presence";
  if (parseInfo(query.get("info")).has("user_count") && !presence) {
    throw new HttpError(400, "info=user_count is only available for presence channels");
  }
  const subscriptionCount = app.channels.subscriptionCount(name);
  return {
    occupied: subscriptionCount > 0,
    subscription_count: subscriptionCount,
    ...(presence ? { user_count: app.channels.userCount(name) } : {}),
  };
}

export function getChannelUsers(app: AppState, name: string) {
  if (checkedKind(name) !== "presence") throw new HttpError(400, "Users are only available for presence channels");
  return { users: app.channels.members(name).map((member) => ({ id: member.userId })) };
}

function checkedKind(name: string) {
  const type = classifyChannel(name);
  if (!type) throw new HttpError(400, `Invalid channel name '${name}'`);
  return type.kind;
}
