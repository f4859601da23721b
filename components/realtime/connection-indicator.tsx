"use client";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { useBusinessClock } from "@/components/time/business-clock";
import type { LiveStatus } from "@/lib/realtime/connection-state";
import { formatInstant } from "@/lib/time/format-instant";
import { cn } from "@/lib/utils/cn";

const DOT: Record<LiveStatus, string> = {
  LIVE: "bg-emerald-500",
  RECONNECTING: "bg-amber-500 animate-pulse",
  OFFLINE: "bg-red-500",
};

/** LIVE / RECONNECTING / OFFLINE, with the time the data on screen was computed (in the business time zone, so server and browser agree). */
export function ConnectionIndicator({
  status,
  asOf,
  timeZone,
  className,
}: {
  status: LiveStatus;
  asOf?: string;
  timeZone?: string;
  className?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const clock = useBusinessClock();
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-status={status}
      className={cn("flex items-center gap-2 text-sm", className)}
    >
      <span aria-hidden className={cn("inline-block size-2.5 rounded-full", DOT[status])} />
      <span className="font-semibold tracking-wide uppercase">{t(`live.${status}`)}</span>
      {asOf ? (
        <span className="text-muted-foreground" data-testid="data-as-of" data-instant={asOf}>
          · {t("live.asOf", { time: formatInstant(asOf, locale, timeZone ?? clock.timeZone, "time") })}
        </span>
      ) : null}
    </p>
  );
}
