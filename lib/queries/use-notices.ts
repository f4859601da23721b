"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

import { NOTICE_EVENT, type NoticeEvent, type NoticePage } from "../notices/types";
import { CHANNELS } from "../realtime/channels";
import { useLiveQuery } from "../realtime/use-live-query";
import { fetchEnvelope, sendEnvelope } from "./fetch-envelope";
import { useApiMutation } from "./use-api-mutation";

export const NOTICES_KEY = ["notices"] as const;
const PAGE = 20;

/** Folds a live event into the cached page: a new notice on top, or notices marked read elsewhere. */
export function applyNoticeEvent(current: NoticePage | undefined, event: NoticeEvent): NoticePage {
  const page = current ?? { notices: [], unread: 0, nextBefore: null };
  if (event.type === "created") {
    if (page.notices.some((notice) => notice.id === event.notice.id)) return page;
    return { ...page, notices: [event.notice, ...page.notices], unread: page.unread + (event.notice.readAt ? 0 : 1) };
  }
  const marks = (id: number) => event.ids === "all" || event.ids.includes(id);
  const notices = page.notices.map((notice) => (notice.readAt === null && marks(notice.id) ? { ...notice, readAt: event.readAt } : notice));
  const newlyRead = page.notices.filter((notice) => notice.readAt === null && marks(notice.id)).length;
  return { ...page, notices, unread: event.ids === "all" ? 0 : Math.max(0, page.unread - newlyRead) };
}

/** The signed-in user's notices and unread count, live on their own channel. */
export function useNotices(userId: string) {
  const queryClient = useQueryClient();
  const query = useLiveQuery<NoticePage>({
    queryKey: NOTICES_KEY,
    queryFn: () => fetchEnvelope<NoticePage>(`/api/v1/notices?limit=${PAGE}`),
    channel: CHANNELS.user(userId),
    event: NOTICE_EVENT,
    apply: (current, payload) => applyNoticeEvent(current, payload as NoticeEvent),
  });
  const markRead = useApiMutation<{ ids: number[] } | { all: true }>({
    send: (body) => sendEnvelope({ url: "/api/v1/notices/read", body }),
    invalidates: [NOTICES_KEY],
  });
  // Older pages are appended to the cached one; a refetch (gap, reconnect) starts from the newest again.
  const loadOlder = useCallback(async () => {
    const before = queryClient.getQueryData<NoticePage>(NOTICES_KEY)?.nextBefore;
    if (!before) return;
    const older = await fetchEnvelope<NoticePage>(`/api/v1/notices?limit=${PAGE}&before=${before}`);
    queryClient.setQueryData<NoticePage>(NOTICES_KEY, (current) =>
      current ? { ...current, notices: [...current.notices, ...older.notices], nextBefore: older.nextBefore } : older,
    );
  }, [queryClient]);
  return { ...query, markRead, loadOlder };
}
