import "server-only";

import type { AuditActor } from "../audit/audit-context";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Prisma } from "../generated/prisma/client";
import { CHANNELS } from "../realtime/channels";
import { publishEvents } from "../realtime/publish";
import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { AppError, forbiddenError, notFound } from "../server/errors";
import { canGrantShare, shareStatusOf } from "./resolve-share";
import {
  SHARE_EXPIRY_PRESETS,
  SHARE_MAX_LIFETIME_MS,
  SHARE_MIN_LIFETIME_MS,
  type CreatedShare,
  type ParsedNewShare,
  type ShareView,
} from "./schemas";
import { SHARE_REVOKED_EVENT } from "./share-protocol";
import { mintShareToken } from "./share-token";

// A custom expiry is picked to the minute in a form and travels a moment before it is checked.
const EXPIRY_GRACE_MS = 60_000;
const LIST_LIMIT = 200;

const VIEW_SELECT = {
  id: true,
  label: true,
  kiosk: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastViewedAt: true,
  viewCount: true,
  businessUnitId: true,
  businessUnit: { select: { slug: true, name: true } },
  createdBy: { select: { name: true, role: true, businessUnitId: true, active: true } },
} as const satisfies Prisma.ShareLinkSelect;

type ShareRow = Prisma.ShareLinkGetPayload<{ select: typeof VIEW_SELECT }>;

function toView(row: ShareRow, now: Date): ShareView {
  return {
    id: row.id,
    label: row.label,
    businessUnit: row.businessUnit,
    kiosk: row.kiosk,
    createdBy: row.createdBy.name,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastViewedAt: row.lastViewedAt?.toISOString() ?? null,
    viewCount: row.viewCount,
    status: shareStatusOf(row, now),
  };
}

/** The links a user manages: every link for an unscoped user, its unit's links for a scoped one. */
const manageableBy = (user: SessionUser): Prisma.ShareLinkWhereInput =>
  user.businessUnitId === null ? {} : { businessUnitId: user.businessUnitId };

/** The newest links the user may manage, newest first. */
export async function listShares(user: SessionUser, now = new Date()): Promise<ShareView[]> {
  const rows = await db.shareLink.findMany({
    where: manageableBy(user),
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
    select: VIEW_SELECT,
  });
  return rows.map((row) => toView(row, now));
}

/** When a new link expires: a preset from now, or a custom instant within 1 hour to 90 days. */
export function resolveShareExpiry(input: Pick<ParsedNewShare, "expiresIn" | "expiresAt">, now: Date): Date {
  if (input.expiresIn) return new Date(now.getTime() + SHARE_EXPIRY_PRESETS[input.expiresIn]);
  const expiresAt = new Date(input.expiresAt!);
  const lifetime = expiresAt.getTime() - now.getTime();
  if (lifetime < SHARE_MIN_LIFETIME_MS - EXPIRY_GRACE_MS || lifetime > SHARE_MAX_LIFETIME_MS + EXPIRY_GRACE_MS) {
    throw new AppError(422, "EXPIRY_OUT_OF_RANGE", "A share link must expire between 1 hour and 90 days from now.");
  }
  return expiresAt;
}

async function unitOfScope(scope: string): Promise<{ id: number; slug: string } | null> {
  if (scope === "all") return null;
  const unit = await db.businessUnit.findUnique({ where: { slug: scope }, select: { id: true, slug: true } });
  if (!unit) throw new AppError(422, "VALIDATION_FAILED", `Unknown business unit "${scope}".`);
  return unit;
}

export interface ShareContext {
  actor: AuditActor;
  /** The origin the link is handed out under. */
  baseUrl: string;
  now?: Date;
}

/** Creates a link no wider than its creator's scope; the token is in the answer's URL and nowhere else. */
export async function createShare(
  user: SessionUser,
  input: ParsedNewShare,
  { actor, baseUrl, now = new Date() }: ShareContext,
): Promise<CreatedShare> {
  const unit = await unitOfScope(input.scope);
  if (!canGrantShare(user, unit?.id ?? null)) throw forbiddenError("Your account may share only its own business unit.");
  const expiresAt = resolveShareExpiry(input, now);
  const { token, tokenHash } = mintShareToken();
  const label = input.label || null;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: { tokenHash, label, kiosk: input.kiosk, businessUnitId: unit?.id ?? null, createdById: user.id, createdAt: now, expiresAt },
      select: VIEW_SELECT,
    });
    await recordAuditEvent(
      {
        ...actor,
        action: "share.create",
        targetType: "ShareLink",
        targetId: created.id,
        businessUnitId: created.businessUnitId,
        details: { label, scope: unit?.slug ?? "all", kiosk: input.kiosk, expiresAt: expiresAt.toISOString() },
      },
      tx,
    );
    return created;
  });
  return { share: toView(row, now), url: new URL(`/share/${token}`, baseUrl).toString() };
}

/**
 * Revokes a link at once: the viewers' endpoints refuse it from now on, and open viewers hear it on
 * the link's own channel. Revoking a revoked link changes nothing; a link outside the user's scope is 404.
 */
export async function revokeShare(
  user: SessionUser,
  id: string,
  { actor, now = new Date() }: Omit<ShareContext, "baseUrl">,
): Promise<ShareView> {
  const where = { id, ...manageableBy(user) };
  const { row, revoked } = await db.$transaction(async (tx) => {
    const { count } = await tx.shareLink.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: now } });
    const current = await tx.shareLink.findFirst({ where, select: VIEW_SELECT });
    if (current && count === 1) {
      await recordAuditEvent(
        {
          ...actor,
          action: "share.revoke",
          targetType: "ShareLink",
          targetId: id,
          businessUnitId: current.businessUnitId,
          details: { label: current.label },
        },
        tx,
      );
    }
    return { row: current, revoked: count === 1 };
  });
  if (!row) throw notFound(`No share link ${id}.`);
  if (revoked) await publishEvents([{ channel: CHANNELS.share(id), name: SHARE_REVOKED_EVENT, data: { revokedAt: now.toISOString() } }]);
  return toView(row, now);
}

/** What a user may share: every unit and all of them together when unscoped, else only its own unit. */
export async function listShareableScopes(user: SessionUser): Promise<{ all: boolean; units: { slug: string; name: string }[] }> {
  const units = await db.businessUnit.findMany({
    where: user.businessUnitId === null ? {} : { id: user.businessUnitId },
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
  });
  return { all: user.businessUnitId === null, units };
}
