// The notices cron job: warns of share links about to expire, and forgets old notices.
import "server-only";

import { db } from "../server/db";
import { createNotices, type NoticeDraft } from "./create-notices";

export const NOTICE_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A share link's creator hears once (the key) that it expires within a day. A link made to live a
 * day or less is left alone: its creator chose that when making it.
 */
async function shareExpiringDrafts(now: Date): Promise<NoticeDraft[]> {
  const links = await db.shareLink.findMany({
    where: { revokedAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + DAY_MS) } },
    select: { id: true, label: true, createdById: true, createdAt: true, expiresAt: true },
    orderBy: { expiresAt: "asc" },
  });
  return links
    .filter((link) => link.expiresAt.getTime() - link.createdAt.getTime() > DAY_MS)
    .map((link) => ({
      userId: link.createdById,
      kind: "SHARE_EXPIRING",
      params: { shareId: link.id, label: link.label, expiresAt: link.expiresAt.toISOString() },
      link: "/admin/shares",
      dedupeKey: `share-expiring:${link.id}`,
    }));
}

export async function sweepNotices(now = new Date()): Promise<{ shareExpiring: number; pruned: number }> {
  const created = await createNotices(await shareExpiringDrafts(now));
  const { count } = await db.notice.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - NOTICE_RETENTION_DAYS * DAY_MS) } } });
  return { shareExpiring: created.length, pruned: count };
}
