import "server-only";

import { recordAuditEvent } from "../../audit/record-audit-event";
import { db } from "../db";
import { API_TOKEN_PATTERN, hashApiToken } from "./api-token-format";
import { loadSessionUser, type SessionUser } from "./session-user";

export interface TokenUse {
  /** The caller's address, when a trusted proxy tells it. */
  ip?: string;
  requestId?: string;
  now?: Date;
}

/**
 * The user behind a bearer token, or null when it is unknown, revoked, expired or its user inactive.
 * The token carries no role of its own: it acts as its owner, read fresh like a session.
 */
export async function authenticateApiToken(token: string, { ip, requestId, now = new Date() }: TokenUse = {}): Promise<SessionUser | null> {
  if (!API_TOKEN_PATTERN.test(token)) return null;
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, userId: true, prefix: true, lastUsedIp: true, revokedAt: true, expiresAt: true },
  });
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) return null;
  const user = await loadSessionUser(record.userId);
  if (!user) return null;
  await recordUse(record, user, { ip, requestId, now });
  return user;
}

/**
 * Last use is informative, except a use from an address the token was not last used from, which is
 * audited. The address moves in one conditional UPDATE, so parallel calls from a new address log once.
 */
async function recordUse(
  record: { id: string; prefix: string; lastUsedIp: string | null },
  user: SessionUser,
  { ip, requestId, now }: Required<Pick<TokenUse, "now">> & TokenUse,
) {
  if (!ip || ip === record.lastUsedIp) {
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
    return;
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: record.id, OR: [{ lastUsedIp: null }, { lastUsedIp: { not: ip } }] },
      data: { lastUsedAt: now, lastUsedIp: ip },
    });
    if (count === 0) return;
    await recordAuditEvent(
      {
        actorId: user.id,
        action: "token.use_new_address",
        targetType: "ApiToken",
        targetId: record.id,
        details: { prefix: record.prefix, previousIp: record.lastUsedIp, ip },
        ip,
        requestId,
        businessUnitId: user.businessUnitId,
      },
      tx,
    );
  });
}
