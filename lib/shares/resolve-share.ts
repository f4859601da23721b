import "server-only";

import { can, type Role } from "../permissions";
import { db } from "../server/db";
import { AppError } from "../server/errors";
import type { ShareStatus } from "./schemas";
import { hashShareToken, SHARE_TOKEN_PATTERN } from "./share-token";

/** Who may hand out a view of a unit (null = every unit): an active account that manages shares and sees that unit. */
export function canGrantShare(creator: { role: Role; businessUnitId: number | null; active?: boolean }, unitId: number | null): boolean {
  return (
    creator.active !== false && can(creator.role, "admin.shares") && (creator.businessUnitId === null || creator.businessUnitId === unitId)
  );
}

interface ShareRecord {
  expiresAt: Date;
  revokedAt: Date | null;
  businessUnitId: number | null;
  createdBy: { role: Role; businessUnitId: number | null; active: boolean };
}

/**
 * A link is only as good as its creator's authority: one whose creator was deactivated, or lost the
 * right to share its unit, stops working like a revoked one.
 */
export function shareStatusOf(link: ShareRecord, now: Date): ShareStatus {
  if (link.revokedAt || !canGrantShare(link.createdBy, link.businessUnitId)) return "revoked";
  return link.expiresAt <= now ? "expired" : "active";
}

/** A usable link, as the viewer's page, data endpoints and channel authorization see it. */
export interface ActiveShare {
  id: string;
  label: string | null;
  kiosk: boolean;
  expiresAt: Date;
  /** null: every business unit. */
  unit: { id: number; slug: string; name: string } | null;
}

export type ShareLookup = { status: "active"; share: ActiveShare } | { status: "expired" | "revoked" | "unknown" };

const SELECT = {
  id: true,
  label: true,
  kiosk: true,
  expiresAt: true,
  revokedAt: true,
  businessUnitId: true,
  businessUnit: { select: { id: true, slug: true, name: true } },
  createdBy: { select: { role: true, businessUnitId: true, active: true } },
} as const;

/** What a token opens: an active link, or why it opens nothing. */
export async function lookUpShare(token: string, now = new Date()): Promise<ShareLookup> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return { status: "unknown" };
  const link = await db.shareLink.findUnique({ where: { tokenHash: hashShareToken(token) }, select: SELECT });
  if (!link) return { status: "unknown" };
  const status = shareStatusOf(link, now);
  if (status !== "active") return { status };
  const { id, label, kiosk, expiresAt, businessUnit } = link;
  return { status, share: { id, label, kiosk, expiresAt, unit: businessUnit } };
}

const UNUSABLE: Record<Exclude<ShareLookup["status"], "active">, [number, string, string]> = {
  unknown: [404, "SHARE_NOT_FOUND", "This share link does not exist."],
  expired: [410, "SHARE_EXPIRED", "This share link has expired."],
  revoked: [410, "SHARE_REVOKED", "This share link has been revoked."],
};

/** The active link behind a token; 404 for an unknown token, 410 for an expired or revoked one. */
export async function requireActiveShare(token: string, now = new Date()): Promise<ActiveShare> {
  const lookup = await lookUpShare(token, now);
  if (lookup.status === "active") return lookup.share;
  throw new AppError(...UNUSABLE[lookup.status]);
}

/** Opens the viewer's page: resolves the token and, for an active link, counts the view. */
export async function openShareView(token: string, now = new Date()): Promise<ShareLookup> {
  const lookup = await lookUpShare(token, now);
  if (lookup.status === "active") {
    await db.shareLink.update({ where: { id: lookup.share.id }, data: { viewCount: { increment: 1 }, lastViewedAt: now } });
  }
  return lookup;
}
