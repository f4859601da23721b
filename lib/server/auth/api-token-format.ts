// The API token format: pb_<prefix>_<secret>, of which only a SHA-256 is stored. Free of the
// database and of `server-only`, so the end-to-end helpers mint tokens exactly as the app does.
import { createHash, randomBytes } from "node:crypto";

export const API_TOKEN_PATTERN = /^pb_([a-z0-9]{8})_([A-Za-z0-9_-]{32,})$/;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new token; the plain `token` is shown once, `prefix` and `tokenHash` are stored. */
export function mintApiToken(): { token: string; prefix: string; tokenHash: string } {
  const prefix = randomBytes(4).toString("hex");
  const token = `pb_${prefix}_${randomBytes(24).toString("base64url")}`;
  return { token, prefix, tokenHash: hashApiToken(token) };
}
