// Settings of the embedded realtime server, validated once when it starts.
import { z } from "zod";

const appSchema = z.object({
  id: z.string().min(1),
  key: z.string().min(1),
  secret: z.string().min(1),
  /** `client-*` events between subscribers are off unless the app opts in, as on Pusher. */
  enableClientEvents: z.boolean().default(false),
});

const realtimeServerOptionsSchema = z.object({
  host: z.string().min(1).default("127.0.0.1"),
  /** 0 picks a free port; `createRealtimeServer` returns the one it got. */
  port: z.number().int().min(0).max(65_535).default(6001),
  apps: z
    .array(appSchema)
    .min(1)
    .refine((apps) => new Set(apps.map((app) => app.id)).size === apps.length, "app ids must be unique")
    .refine((apps) => new Set(apps.map((app) => app.key)).size === apps.length, "app keys must be unique"),
  maxConnections: z.number().int().positive().default(10_000),
  /** Sockets one client address may hold, so one host cannot take every slot; a browser needs one per tab. */
  maxConnectionsPerAddress: z.number().int().positive().default(100),
  /** Take the client address from X-Forwarded-For; only set it behind a proxy that overwrites that header. */
  trustProxy: z.boolean().default(false),
  /** Sent to clients in the handshake; the server pings a socket silent for this long. */
  activityTimeoutSeconds: z.number().positive().default(120),
  /** How long a pinged socket has to answer before it is closed with 4201. */
  pongTimeoutSeconds: z.number().positive().default(30),
  /** Largest WebSocket frame a client may send (Pusher's 10 KB message limit). */
  maxMessageBytes: z.number().int().positive().default(10_240),
  /** Largest `data` of an event published through the HTTP API. */
  maxEventDataBytes: z.number().int().positive().default(10_240),
  /** Outbound bytes queued for one socket before it counts as a slow consumer and is dropped. */
  maxBufferedBytes: z.number().int().positive().default(1_048_576),
  clientEventsPerSecond: z.number().positive().default(10),
  /** Subscribe and unsubscribe frames per connection; the burst still lets pusher-js resubscribe 20 channels on reconnect. */
  subscriptionsPerSecond: z.number().positive().default(20),
  /** Rate-limit refusals a connection may collect (one is forgiven per second) before it is closed with 4301. */
  maxRateLimitStrikes: z.number().int().positive().default(10),
  /** Presence joins that announce a new member, per connection: a burst for page loads, then a slow trickle. */
  presenceJoinBurst: z.number().int().positive().default(10),
  presenceJoinsPerSecond: z.number().positive().default(1),
  maxChannelsPerConnection: z.number().int().positive().default(100),
  maxPresenceMembers: z.number().int().positive().default(100),
  cacheTtlSeconds: z.number().positive().default(1800),
  /** Body of POST /events: 10 KB of data even if every character is JSON-escaped, plus 100 channel names. */
  maxEventBodyBytes: z.number().int().positive().default(102_400),
  /** Body of POST /batch_events: the 10 events a batch may hold, each with 10 KB of data even if all of it is JSON-escaped. */
  maxBatchBodyBytes: z.number().int().positive().default(262_144),
  /** How far a signed request's auth_timestamp may be from the server clock, which bounds replays of a captured request. */
  authTimestampWindowSeconds: z.number().int().positive().default(300),
});

export type RealtimeServerOptions = z.input<typeof realtimeServerOptionsSchema>;
export type ResolvedOptions = z.output<typeof realtimeServerOptionsSchema>;
export type AppConfig = ResolvedOptions["apps"][number];

export function resolveOptions(input: RealtimeServerOptions): ResolvedOptions {
  const result = realtimeServerOptionsSchema.safeParse(input);
  if (!result.success) throw new Error(`Invalid realtime server options:\n${z.prettifyError(result.error)}`);
  return result.data;
}
