import "server-only";

import type { AuditContext } from "../audit/audit-context";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { SessionUser } from "../server/auth/session-user";
import { reserveSignInAttempt, settleSignInAttempt } from "../server/auth/throttle";
import { db } from "../server/db";
import { AppError } from "../server/errors";
import { hashPassword, verifyPassword } from "../users/password-hash";
import { accountUpdateSchema, passwordChangeSchema, type Account, type PasswordChange } from "./types";

type AccountContext = AuditContext;

export function toAccount(user: SessionUser): Account {
  return { id: user.id, name: user.name, email: user.email, role: user.role, businessUnit: user.businessUnitSlug, locale: user.locale };
}

/** Renames the caller's account (the only profile field a user edits; role and unit are an admin's). */
export async function renameAccount(user: SessionUser, input: { name: string }, context: AccountContext): Promise<Account> {
  const { name } = accountUpdateSchema.parse(input);
  if (name === user.name) return toAccount(user);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { name }, select: { id: true } });
    await recordAuditEvent(
      {
        actorId: user.id,
        action: "user.update",
        targetType: "User",
        targetId: user.id,
        details: { before: { name: user.name }, after: { name } },
        ip: context.ip,
        requestId: context.requestId,
        businessUnitId: user.businessUnitId,
      },
      tx,
    );
  });
  return { ...toAccount(user), name };
}

/**
 * Changes the caller's password after checking the current one. Wrong guesses count as failed
 * sign-ins, so a borrowed session cannot try passwords faster than the login form allows.
 */
export async function changePassword(user: SessionUser, input: PasswordChange, context: AccountContext): Promise<{ changed: true }> {
  const { currentPassword, newPassword } = passwordChangeSchema.parse(input);
  if (currentPassword === newPassword) throw new AppError(422, "PASSWORD_UNCHANGED", "Choose a password other than the current one.");
  const gate = await reserveSignInAttempt(user.email, context.ip);
  if (!gate.allowed) {
    throw new AppError(429, "THROTTLED", `Too many wrong passwords: try again in ${Math.ceil(gate.retryAfterSeconds / 60)} min.`);
  }
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  const valid = await verifyPassword(currentPassword, passwordHash);
  await settleSignInAttempt(gate.attemptId, user.email, valid);
  if (!valid) throw new AppError(403, "WRONG_PASSWORD", "The current password is not right.");
  const newHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: newHash }, select: { id: true } });
    await recordAuditEvent(
      {
        actorId: user.id,
        action: "user.password_change",
        targetType: "User",
        targetId: user.id,
        ip: context.ip,
        requestId: context.requestId,
        businessUnitId: user.businessUnitId,
      },
      tx,
    );
  });
  return { changed: true };
}
