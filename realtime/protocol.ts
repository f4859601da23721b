// Pusher Channels protocol 7: error codes, the frames clients send, and how the server encodes its own.
import { z } from "zod";

export const PROTOCOL_VERSION = 7;

/** Codes from the protocol: 4000–4099 tell clients not to reconnect, 4100–4199 back off, 4200–4299 retry. */
export const ErrorCode = {
  appNotFound: 4001,
  overConnectionQuota: 4004,
  unsupportedProtocol: 4007,
  unauthorized: 4009,
  reconnect: 4200,
  pongNotReceived: 4201,
  genericError: 4300,
  rateLimited: 4301,
} as const;

/** Clients send `data` as an object, some older ones as a JSON string: accept both. */
const jsonData = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }, schema);

export const clientFrameSchema = z.object({
  event: z.string().min(1).max(200),
  channel: z.string().optional(),
  data: z.unknown().optional(),
});

export const subscribeDataSchema = jsonData(
  z.object({
    channel: z.string().min(1),
    auth: z.string().optional(),
    channel_data: z.string().optional(),
  }),
);

export const unsubscribeDataSchema = jsonData(z.object({ channel: z.string().min(1) }));

export const signinDataSchema = jsonData(z.object({ auth: z.string(), user_data: z.string() }));

/** `channel_data` of a presence subscription; Pusher caps the id at 128 chars and the info at 1 KB. */
export const presenceMemberSchema = z.object({
  user_id: z.union([z.string().min(1).max(128), z.number()]).transform(String),
  user_info: z.unknown().optional(),
});

/** `user_data` of `pusher:signin`: an object with a non-empty string id. */
export const signedInUserSchema = z.looseObject({ id: z.string().min(1).max(128) });

export type ClientFrame = z.infer<typeof clientFrameSchema>;

/**
 * Serializes a server → client frame. Internal events carry `data` as a JSON string
 * (as Pusher does); published event data is already a string and goes through unchanged.
 */
export function encodeEvent(event: string, data: unknown, channel?: string, userId?: string): string {
  const message: Record<string, unknown> = { event };
  if (channel !== undefined) message.channel = channel;
  if (data !== undefined) message.data = typeof data === "string" ? data : JSON.stringify(data);
  if (userId !== undefined) message.user_id = userId;
  return JSON.stringify(message);
}

export function encodeError(code: number, message: string): string {
  return JSON.stringify({ event: "pusher:error", data: { code, message } });
}
