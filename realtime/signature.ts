// HMAC signatures shared by socket authorization and the signed HTTP API.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

import type { AppConfig } from "./options";

export function signHmac(secret: string, message: string): string {
  return createHmac("sha256", secret).update(message, "utf8").digest("hex");
}

export function md5Hex(body: string): string {
  return createHash("md5").update(body, "utf8").digest("hex");
}

/** Constant-time comparison, so a forged signature cannot be guessed byte by byte. */
export function safeEqual(actual: string, expected: string): boolean {
  const a = Buffer.from(actual, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `auth` of a private or presence subscription: `key:HMAC(secret, "socket_id:channel[:channel_data]")`. */
export function isValidChannelAuth(app: AppConfig, socketId: string, channel: string, auth: string, channelData?: string): boolean {
  const signed = channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`;
  return safeEqual(auth, `${app.key}:${signHmac(app.secret, signed)}`);
}

/** `auth` of `pusher:signin`: `key:HMAC(secret, "socket_id::user::user_data")`. */
export function isValidUserAuth(app: AppConfig, socketId: string, auth: string, userData: string): boolean {
  return safeEqual(auth, `${app.key}:${signHmac(app.secret, `${socketId}::user::${userData}`)}`);
}
