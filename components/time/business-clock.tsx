"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { BUSINESS_TIME_ZONE } from "@/lib/time/business-time";
import { formatInstant, timeZoneLabel, type InstantStyle } from "@/lib/time/format-instant";

// The server hands down the zone (as it does in the overview's payload) so the browser's own
// zone never enters a rendered time.
const BusinessZoneContext = createContext<string>(BUSINESS_TIME_ZONE);

export function BusinessClockProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <BusinessZoneContext.Provider value={timeZone}>{children}</BusinessZoneContext.Provider>;
}

/** The page's one date/time formatter: the viewer's locale, the business time zone. */
export function useBusinessClock() {
  const locale = useLocale();
  const timeZone = useContext(BusinessZoneContext);
  return useMemo(
    () => ({
      timeZone,
      zone: timeZoneLabel(locale, timeZone),
      format: (value: Date | string | number, style?: InstantStyle) => formatInstant(value, locale, timeZone, style),
    }),
    [locale, timeZone],
  );
}

/** Says once per page which zone its times are in; a phone's header has room for the zone alone. */
export function TimeZoneNote({ className }: { className?: string }) {
  const t = useT();
  const { zone } = useBusinessClock();
  const sentence = t("common.timesIn", { zone });
  return (
    <span data-testid="time-zone-note" className={className} title={sentence}>
      <span className="sr-only sm:not-sr-only">{sentence}</span>
      <span aria-hidden className="sm:hidden">
        {zone}
      </span>
    </span>
  );
}

/** An instant as business-time text, keeping the machine-readable value beside it. */
export function BusinessTime({ value, style, className }: { value: Date | string | number; style?: InstantStyle; className?: string }) {
  const { format } = useBusinessClock();
  return (
    <time dateTime={new Date(value).toISOString()} className={className}>
      {format(value, style)}
    </time>
  );
}
