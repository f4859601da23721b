import "server-only";

import { db } from "../db";
import { API_TOKEN_PATTERN, hashApiToken } from "./api-token-format";
import { loadSessionUser, type SessionUser } from "./session-user";

/** The user behind a bearer token, or null when it is unknown, revoked, expired or its user inactive. */
export async function authenticateApiToken(token: string, now = new Date()): Promise<SessionUser | null> {
  if (!API_TOKEN_PATTERN.test(token)) return null;
  const record = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) return null;
  // Last use is informative; a lost update under concurrency is harmless.
  await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  return loadSessionUser(record.userId);
}
