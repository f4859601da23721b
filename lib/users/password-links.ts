import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../server/db";
import { AppError } from "../server/errors";
import { hashPassword } from "./password-hash";
import type { PasswordLink } from "./types";

/** How long an invitation or reset link stays usable. */
export const PASSWORD_LINK_HOURS = 72;
// 32 random bytes (256 bits) in base64url.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

type Purpose = "INVITE" | "RESET";

const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A new one-time link for `userId`, replacing any unused one (only the latest link works). The plain
 * token exists only in the returned URL; the table keeps its SHA-256.
 */
export async function issuePasswordLink(
  tx: Prisma.TransactionClient,
  input: { userId: string; purpose: Purpose; createdById: string; baseUrl: string },
  now = new Date(),
): Promise<PasswordLink> {
  await tx.passwordToken.deleteMany({ where: { userId: input.userId, usedAt: null } });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  await tx.passwordToken.create({
    data: { tokenHash: hashLinkToken(token), purpose: input.purpose, userId: input.userId, createdById: input.createdById, expiresAt },
  });
  return { purpose: input.purpose, url: new URL(`/set-password/${token}`, input.baseUrl).toString(), expiresAt: expiresAt.toISOString() };
}

export type PasswordLinkState =
  { state: "valid"; purpose: Purpose; name: string; email: string } | { state: "expired" | "used" | "invalid" };

async function findLink(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  return db.passwordToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      purpose: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { id: true, name: true, email: true, active: true } },
    },
  });
}

/** What the set-password page shows for `token`: the form, or why the link no longer works. */
export async function inspectPasswordLink(token: string, now = new Date()): Promise<PasswordLinkState> {
  const link = await findLink(token);
  if (!link || !link.user.active) return { state: "invalid" };
  if (link.usedAt) return { state: "used" };
  if (link.expiresAt <= now) return { state: "expired" };
  return { state: "valid", purpose: link.purpose, name: link.user.name, email: link.user.email };
}

const LINK_ERRORS = {
  invalid: new AppError(410, "LINK_INVALID", "This link is not valid. Ask an administrator for a new one."),
  used: new AppError(410, "LINK_USED", "This link has already been used. Ask an administrator for a new one."),
  expired: new AppError(410, "LINK_EXPIRED", "This link has expired. Ask an administrator for a new one."),
};

/**
 * Sets the password of the link's user and spends the link. The claim is one conditional UPDATE,
 * so two submissions of the same link cannot both succeed.
 */
export async function setPasswordWithLink(
  token: string,
  password: string,
  context: { ip?: string; requestId?: string },
  now = new Date(),
): Promise<{ email: string }> {
  const state = await inspectPasswordLink(token, now);
  if (state.state !== "valid") throw LINK_ERRORS[state.state];
  const passwordHash = await hashPassword(password);
  const link = await findLink(token);
  if (!link) throw LINK_ERRORS.invalid;
  return db.$transaction(async (tx) => {
    const { count } = await tx.passwordToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0) throw LINK_ERRORS.used;
    const user = await tx.user.update({
      where: { id: link.user.id },
      data: { passwordHash },
      select: { id: true, email: true, businessUnitId: true },
    });
    await recordAuditEvent(
      {
        actorId: user.id,
        action: "user.password_set",
        targetType: "User",
        targetId: user.id,
        details: { purpose: link.purpose },
        ip: context.ip,
        requestId: context.requestId,
        businessUnitId: user.businessUnitId,
      },
      tx,
    );
    return { email: user.email };
  });
}
