import "server-only";

import type { AuditContext } from "../audit/audit-context";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../permissions";
import { db } from "../server/db";
import { AppError, conflict, notFound } from "../server/errors";
import { toUserRow, userRowSelect } from "./list-users";
import { generatePassword, hashPassword, unusablePasswordHash } from "./password-hash";
import { issuePasswordLink } from "./password-links";
import {
  newUserSchema,
  UNIT_RULES,
  userUpdateSchema,
  type CreatedUser,
  type NewUser,
  type PasswordLink,
  type UserListRow,
  type UserUpdate,
} from "./types";

export interface AdminContext extends AuditContext {
  actorId: string;
  /** Where the app is reached, for the links it hands out. */
  baseUrl: string;
}

type Tx = Prisma.TransactionClient;

// Every change that could remove an ADMIN takes this lock first, so two of them never both see
// "another admin remains" and together leave none.
const ADMIN_LOCK = "pulseboard users: active admins";

async function unitIdOf(tx: Tx, slug: string | null): Promise<number | null> {
  if (slug === null) return null;
  const unit = await tx.businessUnit.findUnique({ where: { slug }, select: { id: true } });
  if (!unit) throw new AppError(422, "UNKNOWN_UNIT", `There is no business unit "${slug}".`);
  return unit.id;
}

function assertUnitRule(role: Role, unitId: number | null) {
  const rule = UNIT_RULES[role];
  if (rule === "required" && unitId === null) throw new AppError(422, "UNIT_REQUIRED", `A ${role} must be scoped to a business unit.`);
  if (rule === "refused" && unitId !== null)
    throw new AppError(422, "UNIT_NOT_ALLOWED", `An ${role} works company-wide and takes no business unit.`);
}

const emailTaken = (email: string) => new AppError(409, "EMAIL_TAKEN", `An account with ${email} already exists.`);
const isEmailTaken = (error: unknown) => typeof error === "object" && error !== null && "code" in error && error.code === "P2002";

/** What the audit log keeps of an account: what an admin can change, never secrets. */
const snapshotOf = (user: UserListRow) => ({
  name: user.name,
  email: user.email,
  role: user.role,
  businessUnit: user.businessUnit?.slug ?? null,
  active: user.active,
});

/**
 * Creates an account and its way in: an invitation link (72 h) or a generated password, each
 * returned once. A MANAGER needs a unit, an ADMIN may not have one.
 */
export async function createUser(input: NewUser, context: AdminContext): Promise<CreatedUser> {
  const { name, email, role, businessUnit = null, onboarding } = newUserSchema.parse(input);
  const initialPassword = onboarding === "password" ? generatePassword() : null;
  const passwordHash = initialPassword ? await hashPassword(initialPassword) : await unusablePasswordHash();
  try {
    return await db.$transaction(async (tx) => {
      const businessUnitId = await unitIdOf(tx, businessUnit);
      assertUnitRule(role, businessUnitId);
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken(email);
      const created = await tx.user.create({ data: { name, email, role, businessUnitId, passwordHash }, select: { id: true } });
      const invitation =
        onboarding === "invite"
          ? await issuePasswordLink(tx, { userId: created.id, purpose: "INVITE", createdById: context.actorId, baseUrl: context.baseUrl })
          : null;
      const user = toUserRow(await tx.user.findUniqueOrThrow({ where: { id: created.id }, select: userRowSelect }));
      await recordAuditEvent(
        {
          actorId: context.actorId,
          action: "user.create",
          targetType: "User",
          targetId: user.id,
          details: { after: snapshotOf(user), onboarding },
          ip: context.ip,
          requestId: context.requestId,
          businessUnitId,
        },
        tx,
      );
      return { user, invitation, initialPassword };
    });
  } catch (error) {
    // Two admins creating the same email at once: the unique index decides.
    if (isEmailTaken(error)) throw emailTaken(email);
    throw error;
  }
}

/**
 * Changes name, role, unit or active state. Demoting or deactivating the last active ADMIN is a
 * 409 LAST_ADMIN, decided under a lock so concurrent requests cannot both pass the check. Moving a
 * user to ADMIN without naming a unit drops its unit.
 */
export async function updateUser(userId: string, input: UserUpdate, context: AdminContext): Promise<UserListRow> {
  const update = userUpdateSchema.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ADMIN_LOCK}))`;
    const current = await tx.user.findUnique({ where: { id: userId }, select: { ...userRowSelect, businessUnitId: true } });
    if (!current) throw notFound(`No user ${userId}.`);
    const before = toUserRow(current);
    const role = update.role ?? before.role;
    const currentUnitId = current.businessUnitId;
    const businessUnitId =
      update.businessUnit !== undefined ? await unitIdOf(tx, update.businessUnit) : UNIT_RULES[role] === "refused" ? null : currentUnitId;
    assertUnitRule(role, businessUnitId);
    const active = update.active ?? before.active;
    if (before.role === "ADMIN" && before.active && (role !== "ADMIN" || !active)) {
      const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
      if (others === 0) throw new AppError(409, "LAST_ADMIN", "This is the last active ADMIN: promote another user to ADMIN first.");
    }
    const after = toUserRow(
      await tx.user.update({ where: { id: userId }, data: { name: update.name, role, businessUnitId, active }, select: userRowSelect }),
    );
    await auditChanges(tx, before, after, context, businessUnitId ?? currentUnitId);
    return after;
  });
}

async function auditChanges(tx: Tx, before: UserListRow, after: UserListRow, context: AdminContext, businessUnitId: number | null) {
  const base = {
    actorId: context.actorId,
    targetType: "User",
    targetId: after.id,
    ip: context.ip,
    requestId: context.requestId,
    businessUnitId,
  };
  const [was, now] = [snapshotOf(before), snapshotOf(after)];
  const changed = (Object.keys(now) as (keyof typeof now)[]).filter((key) => key !== "active" && now[key] !== was[key]);
  if (changed.length > 0) {
    const pick = (snapshot: typeof now) => Object.fromEntries(changed.map((key) => [key, snapshot[key]]));
    await recordAuditEvent({ ...base, action: "user.update", details: { before: pick(was), after: pick(now) } }, tx);
  }
  if (was.active !== now.active) {
    await recordAuditEvent({ ...base, action: now.active ? "user.reactivate" : "user.deactivate", details: { email: now.email } }, tx);
  }
}

/**
 * A one-time link (72 h) to choose a password: a new invitation while the account has never set
 * one, a reset otherwise. Replaces the user's earlier unused link.
 */
export async function createPasswordLink(userId: string, context: AdminContext): Promise<PasswordLink> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { ...userRowSelect, businessUnitId: true } });
    if (!user) throw notFound(`No user ${userId}.`);
    if (!user.active) throw conflict("Reactivate this user before sending a password link.");
    const row = toUserRow(user);
    const purpose = row.invitationPending ? "INVITE" : "RESET";
    const link = await issuePasswordLink(tx, { userId, purpose, createdById: context.actorId, baseUrl: context.baseUrl });
    await recordAuditEvent(
      {
        actorId: context.actorId,
        action: "user.password_link",
        targetType: "User",
        targetId: userId,
        details: { purpose, email: row.email, expiresAt: link.expiresAt },
        ip: context.ip,
        requestId: context.requestId,
        businessUnitId: user.businessUnitId,
      },
      tx,
    );
    return link;
  });
}
