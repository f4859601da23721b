// Share link tokens: 192 random bits in base64url, carried only in the link's URL. Only a SHA-256 of
// the token is stored, so a leaked table row cannot be turned back into a working link.
import { createHash, randomBytes } from "node:crypto";

/** 24 random bytes in base64url: exactly 32 characters. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new token: `token` goes into the URL shown once, `tokenHash` into the database. */
export function mintShareToken(): { token: string; tokenHash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, tokenHash: hashShareToken(token) };
}
