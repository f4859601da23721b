import "server-only";

import type { AuditContext } from "../audit/audit-context";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Prisma } from "../generated/prisma/client";
import { can } from "../permissions";
import { mintApiToken } from "../server/auth/api-token-format";
import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { notFound } from "../server/errors";
import { newTokenSchema, type CreatedToken, type NewToken, type TokenView } from "./types";

export type TokenContext = AuditContext;

const LIST_LIMIT = 500;

const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
  expiresAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true, email: true, businessUnitId: true } },
} satisfies Prisma.ApiTokenSelect;

type TokenRecord = Prisma.ApiTokenGetPayload<{ select: typeof tokenSelect }>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toView(record: TokenRecord, now = new Date()): TokenView {
  const status = record.revokedAt ? "revoked" : record.expiresAt && record.expiresAt <= now ? "expired" : "active";
  const { id, name, email } = record.user;
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    status,
    owner: { id, name, email },
    createdAt: record.createdAt.toISOString(),
    lastUsedAt: iso(record.lastUsedAt),
    lastUsedIp: record.lastUsedIp,
    expiresAt: iso(record.expiresAt),
    revokedAt: iso(record.revokedAt),
  };
}

/** The caller's tokens, or every user's with `all` (the caller must hold admin.tokens), newest first. */
export async function listTokens(user: Pick<SessionUser, "id">, { all = false } = {}): Promise<TokenView[]> {
  const records = await db.apiToken.findMany({
    where: all ? {} : { userId: user.id },
    select: tokenSelect,
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
  });
  return records.map((record) => toView(record));
}

/** A new token of the caller's, acting with the caller's role and unit; the secret is in this answer only. */
export async function createToken(user: SessionUser, input: NewToken, context: TokenContext, now = new Date()): Promise<CreatedToken> {
  const { name, expiresInDays } = newTokenSchema.parse(input);
  const { token, prefix, tokenHash } = mintApiToken();
  const expiresAt = expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * 86_400_000);
  return db.$transaction(async (tx) => {
    const record = await tx.apiToken.create({
      data: { name, prefix, tokenHash, userId: user.id, expiresAt, createdAt: now },
      select: tokenSelect,
    });
    await recordAuditEvent(
      {
        actorId: user.id,
        action: "token.create",
        targetType: "ApiToken",
        targetId: record.id,
        details: { name, prefix, expiresAt: iso(expiresAt) },
        ip: context.ip,
        requestId: context.requestId,
        businessUnitId: user.businessUnitId,
      },
      tx,
    );
    return { ...toView(record, now), token };
  });
}

/**
 * Revokes a token at once: the caller's own, or anyone's for a holder of admin.tokens. Another
 * user's token is a 404 to everyone else, so ids reveal nothing. Revoking twice is harmless.
 */
export async function revokeToken(user: SessionUser, tokenId: string, context: TokenContext, now = new Date()): Promise<TokenView> {
  const mayRevokeAny = can(user.role, "admin.tokens");
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, revokedAt: null, ...(mayRevokeAny ? {} : { userId: user.id }) },
      data: { revokedAt: now },
    });
    const record = await tx.apiToken.findUnique({ where: { id: tokenId }, select: tokenSelect });
    if (!record || (!mayRevokeAny && record.user.id !== user.id)) throw notFound(`No API token ${tokenId}.`);
    if (count > 0) {
      await recordAuditEvent(
        {
          actorId: user.id,
          action: "token.revoke",
          targetType: "ApiToken",
          targetId: record.id,
          details: { name: record.name, prefix: record.prefix, ownerId: record.user.id, ownerEmail: record.user.email },
          ip: context.ip,
          requestId: context.requestId,
          businessUnitId: record.user.businessUnitId,
        },
        tx,
      );
    }
    return toView(record, now);
  });
}
