import Link from "next/link";

import { buttonClassName } from "@/components/ui/button";
import type { Translator } from "@/lib/i18n/translate";

interface ExplorerPagerProps {
  count: number;
  /** Set when this is not the first page. */
  firstHref: string | null;
  /** Set when more rows follow. */
  nextHref: string | null;
  t: Translator;
}

/** Keyset pages go forward only: to the next page, or back to the first. */
export function ExplorerPager({ count, firstHref, nextHref, t }: ExplorerPagerProps) {
  const link = buttonClassName({ variant: "outline", size: "sm" });
  return (
    <nav className="mt-4 flex items-center justify-between gap-3 text-sm" aria-label={t("explorer.nextPage")}>
      <span className="text-muted-foreground" data-testid="explorer-count">
        {t("explorer.showing", { count })}
      </span>
      <span className="flex gap-2">
        {firstHref ? (
          <Link href={firstHref} className={link} data-testid="explorer-first">
            {t("explorer.firstPage")}
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className={link} data-testid="explorer-next">
            {t("explorer.nextPage")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
