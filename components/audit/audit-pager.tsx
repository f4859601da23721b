import Link from "next/link";

import { buttonClassName } from "@/components/ui/button";
import type { Translator } from "@/lib/i18n/translate";

interface AuditPagerProps {
  count: number;
  /** Set when newer entries exist: back to the newest, and one page newer. */
  newestHref: string | null;
  newerHref: string | null;
  /** Set when older entries exist. */
  olderHref: string | null;
  t: Translator;
}

/** Keyset pages by id: newer, older, or back to the newest entries. */
export function AuditPager({ count, newestHref, newerHref, olderHref, t }: AuditPagerProps) {
  const link = buttonClassName({ variant: "outline", size: "sm" });
  return (
    <nav className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm" aria-label={t("audit.pages")}>
      <span className="text-muted-foreground" data-testid="audit-count">
        {t("audit.showing", { count })}
      </span>
      <span className="flex gap-2">
        {newestHref ? (
          <Link href={newestHref} className={link} data-testid="audit-newest">
            {t("audit.newest")}
          </Link>
        ) : null}
        {newerHref ? (
          <Link href={newerHref} className={link} data-testid="audit-newer">
            {t("audit.newer")}
          </Link>
        ) : null}
        {olderHref ? (
          <Link href={olderHref} className={link} data-testid="audit-older">
            {t("audit.older")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
