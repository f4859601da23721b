// POST /apps/{id}/events and /batch_events: validated like Pusher, then fanned out to subscribers.
import { z } from "zod";

import type { AppState } from "./app-state";
import { classifyChannel } from "./channel-names";
import { describeChannel, parseInfo } from "./http-channels";
import { HttpError } from "./http-error";
import type { ServerContext } from "./server-context";

const MAX_CHANNELS_PER_EVENT = 100;
const MAX_BATCH_SIZE = 10;

const eventFields = {
  name: z.string().min(1).max(200),
  /** Pusher's API takes data as a string (the SDKs JSON-encode objects) and relays it verbatim. */
  data: z.string(),
  socket_id: z
    .string()
    .regex(/^\d+\.\d+$/, "socket_id must look like 123.456")
    .optional(),
  info: z.string().optional(),
};

const eventBodySchema = z.object({
  ...eventFields,
  channels: z.array(z.string()).optional(),
  channel: z.string().optional(),
});

const batchBodySchema = z.object({ batch: z.array(z.object({ ...eventFields, channel: z.string() })) });

interface Publication {
  name: string;
  data: string;
  channels: string[];
  socket_id?: string;
  info?: string;
}

export function publishEvent(ctx: ServerContext, app: AppState, body: unknown) {
  const { channels, channel, ...event } = eventBodySchema.parse(body);
  const publication = { ...event, channels: channels ?? (channel === undefined ? [] : [channel]) };
  validate(ctx, publication);
  const info = publish(ctx, app, publication);
  return info === undefined ? {} : { channels: info };
}

export function publishBatch(ctx: ServerContext, app: AppState, body: unknown) {
  const { batch } = batchBodySchema.parse(body);
  if (batch.length > MAX_BATCH_SIZE) throw new HttpError(400, `A batch holds at most ${MAX_BATCH_SIZE} events`);
  const publications = batch.map(({ channel, ...event }) => ({ ...event, channels: [channel] }));
  // All or nothing: one bad event refuses the whole batch before anything is sent.
  for (const publication of publications) validate(ctx, publication);
  const results = publications.map((publication) => publish(ctx, app, publication));
  if (results.every((info) => info === undefined)) return {};
  // Each batch item has exactly one channel, so its attributes are the only entry.
  return { batch: results.map((info) => Object.values(info ?? {})[0] ?? {}) };
}

function validate(ctx: ServerContext, { channels, data }: Publication): void {
  if (channels.length === 0) throw new HttpError(400, "Give `channels` (or `channel`)");
  if (channels.length > MAX_CHANNELS_PER_EVENT) throw new HttpError(400, `An event goes to at most ${MAX_CHANNELS_PER_EVENT} channels`);
  const invalid = channels.find((name) => !classifyChannel(name));
  if (invalid !== undefined) throw new HttpError(400, `Invalid channel name '${invalid}'`);
  const limit = ctx.options.maxEventDataBytes;
  if (Buffer.byteLength(data) > limit) throw new HttpError(413, `Event data is larger than ${limit} bytes`);
}

/** Sends to every channel; returns the requested channel attributes when `info` was given. */
function publish(ctx: ServerContext, app: AppState, publication: Publication) {
  for (const channel of publication.channels) {
    app.publish(channel, publication.name, publication.data, { exceptSocketId: publication.socket_id });
  }
  ctx.counters.eventsPublished += publication.channels.length;
  if (publication.info === undefined) return undefined;
  const info = parseInfo(publication.info);
  return Object.fromEntries(publication.channels.map((channel) => [channel, describeChannel(app, channel, info)]));
}
