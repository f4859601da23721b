"use client";

import { Bell, CheckCheck } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { BusinessTime, useBusinessClock } from "@/components/time/business-clock";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { formatNumber } from "@/lib/i18n/format";
import { readableMessage } from "@/lib/queries/use-api-mutation";
import { useNotices } from "@/lib/queries/use-notices";
import { cn } from "@/lib/utils/cn";

import { noticeText } from "./notice-text";

/** The header's bell: the user's notices, live, with the unread count; each links to what it is about. */
export function NoticeBell({ userId }: { userId: string }) {
  const t = useT();
  const locale = useLocale();
  const clock = useBusinessClock();
  const { data, error, markRead, loadOlder } = useNotices(userId);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const unread = data?.unread ?? 0;
  const shownUnread = unread > 99 ? "99+" : formatNumber(unread, locale);

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        data-testid="notice-bell"
        aria-label={unread > 0 ? t("notices.bell.openUnread", { count: unread }) : t("notices.bell.open")}
        className="hover:bg-muted focus-visible:ring-ring relative grid size-9 place-items-center rounded-full focus-visible:ring-2 focus-visible:outline-none"
      >
        <Bell aria-hidden className="size-5" />
        {unread > 0 && (
          <span
            data-testid="notice-unread"
            data-count={unread}
            aria-hidden
            className="bg-danger absolute -top-0.5 -right-0.5 min-w-4.5 rounded-full px-1 text-center text-[0.65rem] leading-4.5 font-semibold text-white"
          >
            {shownUnread}
          </span>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-[min(24rem,calc(100vw-1rem))] p-0" data-testid="notice-list">
        <div className="flex items-center justify-between gap-2 px-3 py-2">
          <DropdownMenuLabel className="p-0 text-sm font-semibold text-current">{t("notices.bell.title")}</DropdownMenuLabel>
          {unread > 0 && (
            <DropdownMenuItem
              data-testid="notice-mark-all"
              className="text-primary py-1 text-xs"
              disabled={markRead.isPending}
              onSelect={(event) => {
                event.preventDefault();
                markRead.mutate({ all: true });
              }}
            >
              <CheckCheck aria-hidden />
              {t("notices.bell.markAllRead")}
            </DropdownMenuItem>
          )}
        </div>
        <DropdownMenuSeparator className="mx-0 my-0" />
        {error && (
          <p role="alert" className="text-danger px-3 py-3 text-sm">
            {t("notices.bell.loadFailed", { message: readableMessage(error) })}
          </p>
        )}
        {(markRead.errorMessage ?? olderError) && (
          <p role="alert" className="text-danger px-3 py-2 text-xs">
            {markRead.errorMessage ?? olderError}
          </p>
        )}
        {data && data.notices.length === 0 && (
          <p className="text-muted-foreground px-3 py-6 text-center text-sm">{t("notices.bell.empty")}</p>
        )}
        <ul className="max-h-[min(28rem,70dvh)] overflow-y-auto p-1">
          {data?.notices.map((notice) => {
            const { title, detail } = noticeText(notice, t, locale, (value) => clock.format(value));
            const isUnread = notice.readAt === null;
            return (
              <li key={notice.id}>
                <DropdownMenuItem asChild onSelect={() => isUnread && markRead.mutate({ ids: [notice.id] })}>
                  <Link
                    href={notice.link}
                    data-testid="notice-item"
                    data-kind={notice.kind}
                    data-unread={isUnread}
                    className="flex items-start gap-2 py-2"
                  >
                    <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", isUnread ? "bg-primary" : "bg-transparent")} />
                    <span className="min-w-0 flex-1">
                      <span className={cn("block text-sm", isUnread && "font-semibold")}>
                        {isUnread && <span className="sr-only">{t("notices.bell.unread")}: </span>}
                        {title}
                      </span>
                      <span className="text-muted-foreground block text-xs break-words">{detail}</span>
                      <BusinessTime value={notice.createdAt} className="text-muted-foreground block text-[0.7rem]" />
                    </span>
                  </Link>
                </DropdownMenuItem>
              </li>
            );
          })}
        </ul>
        {data?.nextBefore && (
          <>
            <DropdownMenuSeparator className="mx-0 my-0" />
            <DropdownMenuItem
              className="justify-center text-xs"
              disabled={loadingOlder}
              onSelect={(event) => {
                event.preventDefault();
                setLoadingOlder(true);
                setOlderError(null);
                loadOlder()
                  .catch((failure: unknown) => setOlderError(t("notices.bell.loadFailed", { message: readableMessage(failure) })))
                  .finally(() => setLoadingOlder(false));
              }}
            >
              {t("notices.bell.older")}
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
