// A user's own notices: the bell's list and unread count, and marking them read.
import "server-only";

import type { z } from "zod";

import { db } from "../server/db";
import { publishNoticeEvents, toNoticeView } from "./create-notices";
import type { NoticePage, noticesQuerySchema, readNoticesSchema } from "./types";

const unreadOf = (userId: string) => db.notice.count({ where: { userId, readAt: null } });

/** The user's notices, newest first, a page at a time (keyset: ids below `before`). */
export async function listNotices(userId: string, query: z.output<typeof noticesQuerySchema>): Promise<NoticePage> {
  const [rows, unread] = await Promise.all([
    db.notice.findMany({
      where: { userId, ...(query.before ? { id: { lt: query.before } } : {}) },
      orderBy: { id: "desc" },
      take: query.limit + 1,
    }),
    unreadOf(userId),
  ]);
  const page = rows.slice(0, query.limit);
  return { notices: page.map(toNoticeView), unread, nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}

/** Marks some (ids not the user's are ignored) or all of the user's unread notices read, in every open tab. */
export async function markNoticesRead(userId: string, input: z.output<typeof readNoticesSchema>) {
  const readAt = new Date();
  const ids = "ids" in input ? input.ids : "all";
  const { count } = await db.notice.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt },
  });
  if (count > 0) await publishNoticeEvents([{ userId, event: { type: "read", ids, readAt: readAt.toISOString() } }]);
  return { read: count, unread: await unreadOf(userId) };
}
