// The five headline KPIs of a snapshot with their comparisons (pure: rendered on server and client).
import { averageTicket, growth, margin } from "./kpi-math";
import type { KpiSnapshotPayload } from "./types";

export type KpiCardId = "revenue-today" | "month-to-date" | "orders-today" | "average-ticket" | "gross-margin";

export interface KpiFigure {
  id: KpiCardId;
  kind: "money" | "count" | "ratio";
  value: string | number | null;
  /** Relative change for amounts; for the margin, the change in percentage points. */
  change: number | null;
  comparedTo: "yesterday" | "lastMonth";
}

export function buildKpiFigures({ today, monthToDate }: KpiSnapshotPayload): KpiFigure[] {
  const marginNow = margin(today.current.profit, today.current.revenue);
  const marginBefore = margin(today.previous.profit, today.previous.revenue);
  const ticketNow = averageTicket(today.current.revenue, today.current.orders);
  const ticketBefore = averageTicket(today.previous.revenue, today.previous.orders);
  return [
    {
      id: "revenue-today",
      kind: "money",
      value: today.current.revenue,
      change: growth(today.current.revenue, today.previous.revenue),
      comparedTo: "yesterday",
    },
    {
      id: "month-to-date",
      kind: "money",
      value: monthToDate.current.revenue,
      change: growth(monthToDate.current.revenue, monthToDate.previous.revenue),
      comparedTo: "lastMonth",
    },
    {
      id: "orders-today",
      kind: "count",
      value: today.current.orders,
      change: growth(today.current.orders, today.previous.orders),
      comparedTo: "yesterday",
    },
    { id: "average-ticket", kind: "money", value: ticketNow, change: growth(ticketNow, ticketBefore), comparedTo: "yesterday" },
    {
      id: "gross-margin",
      kind: "ratio",
      value: marginNow,
      change: marginNow === null || marginBefore === null ? null : (marginNow - marginBefore) * 100,
      comparedTo: "yesterday",
    },
  ];
}
