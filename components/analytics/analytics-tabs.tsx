import Link from "next/link";

import { ANALYTICS_VIEWS, type AnalyticsView } from "@/lib/analytics/filters";
import type { Translator } from "@/lib/i18n/translate";
import { cn } from "@/lib/utils/cn";

/** Tabs are links carrying the filters, so each tab is its own bookmarkable URL. */
export function AnalyticsTabs({ active, search, t }: { active: AnalyticsView; search: string; t: Translator }) {
  return (
    <nav aria-label={t("analytics.title")} className="border-border mb-4 flex gap-1 overflow-x-auto border-b">
      {ANALYTICS_VIEWS.map((view) => (
        <Link
          key={view}
          href={`/analytics?${search}${search ? "&" : ""}tab=${view}`}
          aria-current={view === active ? "page" : undefined}
          data-testid={`tab-${view}`}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap",
            view === active ? "border-foreground font-medium" : "text-muted-foreground border-transparent",
          )}
        >
          {t(`analytics.tabs.${view}`)}
        </Link>
      ))}
    </nav>
  );
}
