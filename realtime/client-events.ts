// `client-*` events: one subscriber talking to the others of a private or presence channel.
import { classifyChannel } from "./channel-names";
import type { Connection } from "./connection";
import { ErrorCode, type ClientFrame } from "./protocol";

export function relayClientEvent(connection: Connection, frame: ClientFrame): void {
  const { app, ctx } = connection;
  const { channel } = frame;
  if (!app.config.enableClientEvents) {
    return connection.sendError(ErrorCode.genericError, "Client events are not enabled for this app");
  }
  if (channel === undefined || !connection.channels.has(channel)) {
    return connection.sendError(ErrorCode.genericError, "Client events need a channel this connection has joined");
  }
  // Pusher relays them only where every subscriber was authorized; encrypted payloads it cannot see.
  const kind = classifyChannel(channel)?.kind;
  if (kind !== "private" && kind !== "presence") {
    return connection.sendError(ErrorCode.genericError, "Client events are only allowed on private and presence channels");
  }
  if (!connection.clientEvents.take()) {
    return connection.rateLimited(`Client event rejected due to rate limit (${ctx.options.clientEventsPerSecond}/s)`);
  }
  ctx.counters.clientEvents += 1;
  const userId = kind === "presence" ? app.channels.userIdOf(connection, channel) : undefined;
  app.publish(channel, frame.event, frame.data, { exceptSocketId: connection.socketId, userId });
}
