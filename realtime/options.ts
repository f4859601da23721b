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
  maxChannelsPerConnection: z.number().int().positive().default(100),
  maxPresenceMembers: z.number().int().positive().default(100),
  cacheTtlSeconds: z.number().positive().default(1800),
});

export type RealtimeServerOptions = z.input<typeof realtimeServerOptionsSchema>;
export type ResolvedOptions = z.output<typeof realtimeServerOptionsSchema>;
export type AppConfig = ResolvedOptions["apps"][number];

export function resolveOptions(input: RealtimeServerOptions): ResolvedOptions {
  const result = realtimeServerOptionsSchema.safeParse(input);
  if (!result.success) throw new Error(`Invalid realtime server options:\n${z.prettifyError(result.error)}`);
  return result.data;
}
