// Dispatches each frame a client sends; malformed input gets a pusher:error, never an exception.
import { relayClientEvent } from "./client-events";
import type { Connection } from "./connection";
import { clientFrameSchema, ErrorCode, type ClientFrame } from "./protocol";
import { signIn } from "./signin";
import { subscribe, unsubscribe } from "./subscriptions";

export function handleClientMessage(connection: Connection, raw: string): void {
  const frame = parseFrame(raw);
  if (!frame) {
    connection.ctx.counters.invalidMessages += 1;
    return connection.sendError(ErrorCode.genericError, "Invalid message: expected a JSON object with an event name");
  }
  switch (frame.event) {
    case "pusher:ping":
      return connection.sendEvent("pusher:pong", {});
    case "pusher:pong":
      return; // the activity timer was already reset by the gateway
    case "pusher:subscribe":
    case "pusher:unsubscribe":
      if (!connection.subscriptions.take()) return refuseOverRate(connection, frame.event);
      return frame.event === "pusher:subscribe" ? subscribe(connection, frame.data) : unsubscribe(connection, frame.data);
    case "pusher:signin":
      return signIn(connection, frame.data);
    default:
      if (frame.event.startsWith("client-")) return relayClientEvent(connection, frame);
      connection.ctx.counters.invalidMessages += 1;
      return connection.sendError(ErrorCode.genericError, `Unsupported event '${frame.event}'`);
  }
}

/** Nothing of the frame is applied, so a refused unsubscribe leaves the channel joined. */
function refuseOverRate(connection: Connection, event: string): void {
  const { counters, options } = connection.ctx;
  counters.subscriptionsRateLimited += 1;
  connection.rateLimited(`${event} rejected due to rate limit (${options.subscriptionsPerSecond}/s)`);
}

function parseFrame(raw: string): ClientFrame | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = clientFrameSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
