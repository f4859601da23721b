// Storing a notice and pushing it to its reader's own channel, for every kind of event.
import "server-only";

import type { Notice } from "../generated/prisma/client";
import type { Role } from "../permissions";
import { CHANNELS } from "../realtime/channels";
import { publishEvents } from "../realtime/publish";
import { db } from "../server/db";
import { logger } from "../server/logger";
import { errorMessage } from "../utils/error-message";
import { NOTICE_EVENT, type NoticeEvent, type NoticeKind, type NoticeParams, type NoticeView } from "./types";

/** A notice to store: `dedupeKey` makes it once-only for its user (a second draft with it is dropped). */
export type NoticeDraft = {
  [K in NoticeKind]: { userId: string; kind: K; params: NoticeParams<K>; link: string; dedupeKey?: string };
}[NoticeKind];

// Rows are written only by createNotices, from drafts typed per kind: params match their kind.
export function toNoticeView(row: Notice): NoticeView {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  } as NoticeView;
}

/** Tells a user's open tabs what changed in their notices. */
export async function publishNoticeEvents(events: readonly { userId: string; event: NoticeEvent }[]): Promise<void> {
  await publishEvents(events.map(({ userId, event }) => ({ channel: CHANNELS.user(userId), name: NOTICE_EVENT, data: event })));
}

/** Stores the notices (skipping ones whose dedupeKey the user already has) and pushes each to its user live. */
export async function createNotices(drafts: readonly NoticeDraft[]): Promise<NoticeView[]> {
  if (drafts.length === 0) return [];
  const rows = await db.notice.createManyAndReturn({
    data: drafts.map((draft) => ({
      userId: draft.userId,
      kind: draft.kind,
      params: draft.params,
      link: draft.link,
      dedupeKey: draft.dedupeKey ?? null,
    })),
    skipDuplicates: true,
  });
  await publishNoticeEvents(rows.map((row) => ({ userId: row.userId, event: { type: "created", notice: toNoticeView(row) } })));
  return rows.map(toNoticeView);
}

/**
 * Active users whose business-unit scope covers `unitId` (null: data of every unit, which only
 * unscoped users see) and whose role is one of `roles`.
 */
export async function usersInScope(roles: readonly Role[], unitId: number | null) {
  return db.user.findMany({
    where: {
      active: true,
      role: { in: [...roles] },
      OR: [{ businessUnitId: null }, ...(unitId === null ? [] : [{ businessUnitId: unitId }])],
    },
    select: { id: true, businessUnitId: true, businessUnit: { select: { slug: true } } },
    orderBy: { id: "asc" },
  });
}

/** Notices are a courtesy: a failure to create them is logged and never fails the event they report. */
export async function createNoticesSafely(what: string, build: () => Promise<NoticeDraft[]>): Promise<NoticeView[]> {
  try {
    return await createNotices(await build());
  } catch (error) {
    logger.warn({ error: errorMessage(error), what }, "in-app notices not created");
    return [];
  }
}
