import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { db } from "../db";
import { loadSessionUser, type SessionUser } from "./session-user";

// Tokens look like pb_<prefix>_<secret>; only a SHA-256 of the whole token is stored.
const TOKEN_PATTERN = /^pb_([a-z0-9]{8})_([A-Za-z0-9_-]{32,})$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Issues a token acting as `userId` (with that user's role and scope); the plain token is shown once. */
export async function createApiToken(userId: string, name: string, expiresAt?: Date) {
  const prefix = randomBytes(4).toString("hex");
  const token = `pb_${prefix}_${randomBytes(24).toString("base64url")}`;
  const record = await db.apiToken.create({ data: { userId, name, prefix, tokenHash: hashToken(token), expiresAt } });
  return { id: record.id, token, prefix };
}

/** The user behind a bearer token, or null when it is unknown, revoked, expired or its user inactive. */
export async function authenticateApiToken(token: string, now = new Date()): Promise<SessionUser | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const record = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) return null;
  // Last use is informative; a lost update under concurrency is harmless.
  await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  return loadSessionUser(record.userId);
}
