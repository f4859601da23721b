"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowUp } from "lucide-react";
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { upperBound } from "@/lib/invoices/stream-state";
import type { InvoiceSummary } from "@/lib/invoices/types";
import { cn } from "@/lib/utils/cn";

import { InvoiceCard, InvoiceRow, InvoiceTableHeader, MIN_TABLE_WIDTH, type InvoiceFormat } from "./invoice-row";
import { useIsPhone } from "./use-is-phone";

const ROW_HEIGHT = 44;
const CARD_HEIGHT = 112;

interface InvoiceGridProps {
  /** Oldest first; the grid shows the first `shown`, newest on top. */
  invoices: readonly InvoiceSummary[];
  shown: number;
  highlighted: ReadonlySet<number>;
  currency: string;
  timeZone: string;
}

/**
 * The live grid, newest on top and virtualized (only the visible rows exist, so 100,000 rows
 * scroll smoothly). It follows new invoices while the reader is at the top; once they scroll
 * away it keeps their rows in place and offers a jump back to the newest. Cards below 768 px.
 */
export function InvoiceGrid({ invoices, shown, highlighted, currency, timeZone }: InvoiceGridProps) {
  const t = useT();
  const locale = useLocale();
  const isPhone = useIsPhone();
  const rowHeight = isPhone ? CARD_HEIGHT : ROW_HEIGHT;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const [unseen, setUnseen] = useState(0);
  const newestShown = useRef<number | undefined>(invoices[shown - 1]?.id);

  const rowAt = (index: number) => invoices[shown - 1 - index];
  // Stable between reveals, so the virtualizer re-measures only when the rows change.
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const getItemKey = useCallback((index: number) => invoices[shown - 1 - index]?.id ?? index, [invoices, shown]);
  // TanStack Virtual keeps its own state outside React; its values are read fresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 10,
  });

  // Rows revealed above the viewport would push the reader's rows down: scroll by as much, before paint.
  // Where the reader is comes from the element itself, which is never behind as state can be.
  useLayoutEffect(() => {
    const previous = newestShown.current;
    newestShown.current = invoices[shown - 1]?.id;
    const element = scrollRef.current;
    if (previous === undefined || !element || element.scrollTop < rowHeight / 2) return;
    const added = Math.max(0, shown - upperBound(invoices, previous));
    if (added === 0) return;
    element.scrollTop += added * rowHeight;
    setUnseen((count) => count + added);
    setFollowing(false);
  }, [invoices, shown, rowHeight]);

  function onScroll() {
    const element = scrollRef.current;
    if (!element) return;
    const atTop = element.scrollTop < rowHeight / 2;
    if (atTop !== following) setFollowing(atTop);
    if (atTop && unseen > 0) setUnseen(0);
  }

  function jumpToNewest() {
    scrollRef.current?.scrollTo({ top: 0 });
    setFollowing(true);
    setUnseen(0);
  }

  const format = useMemo<InvoiceFormat>(() => ({ locale, timeZone }), [locale, timeZone]);
  const items = virtualizer.getVirtualItems();

  return (
    <Card className="relative flex flex-col overflow-hidden">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 px-4 pt-4 pb-3 sm:px-5">
        <h2 className="text-base font-semibold whitespace-nowrap">{t("invoices.grid.title")}</h2>
        <span className="text-muted-foreground text-xs">
          {t("invoices.grid.amountsIn", { currency })}
          {!following ? ` · ${t("invoices.grid.paused")}` : null}
        </span>
      </div>
      <div
        ref={scrollRef}
        onScroll={onScroll}
        data-testid="invoice-grid"
        data-following={following}
        role="table"
        aria-label={t("invoices.grid.label")}
        aria-rowcount={shown}
        tabIndex={0}
        className="border-border h-[min(65vh,600px)] overflow-auto overscroll-contain border-t focus-visible:outline-none md:h-[min(60vh,560px)]"
      >
        <div className={cn(!isPhone && MIN_TABLE_WIDTH)}>
          {!isPhone ? <InvoiceTableHeader /> : null}
          {shown === 0 ? (
            <p className="text-muted-foreground px-4 py-12 text-center text-sm">{t("invoices.grid.empty")}</p>
          ) : (
            <div role="rowgroup" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const invoice = rowAt(item.index);
                if (!invoice) return null;
                const Row = isPhone ? InvoiceCard : InvoiceRow;
                return (
                  <Row
                    key={item.key}
                    invoice={invoice}
                    format={format}
                    highlighted={highlighted.has(invoice.id)}
                    rowIndex={item.index + 1}
                    style={{
                      position: "absolute",
                      top: 0,
                      left: 0,
                      width: "100%",
                      height: item.size,
                      transform: `translateY(${item.start}px)`,
                    }}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
      {!following ? (
        <Button
          size="sm"
          onClick={jumpToNewest}
          data-testid="jump-to-newest"
          className="absolute top-16 left-1/2 z-20 -translate-x-1/2 rounded-full shadow-lg"
        >
          <ArrowUp aria-hidden />
          {t("invoices.grid.jumpToNewest", { count: unseen })}
        </Button>
      ) : null}
    </Card>
  );
}
