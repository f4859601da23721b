import "server-only";

import { db } from "../server/db";
import { averageCents, formatCents, parseCents } from "./money";
import type { InvoiceScope } from "./scope";
import type { InvoiceStatsView } from "./types";

/** Running totals of generated invoices in the scope: a read of the per-unit counters, never a scan of invoices. */
export async function getInvoiceStats(scope: InvoiceScope): Promise<InvoiceStatsView> {
  const [row] = await db.$queryRaw<{ count: number; subtotal: string; vat: string; total: string }[]>`
    SELECT coalesce(sum(count), 0)::int AS count, coalesce(sum(subtotal), 0)::text AS subtotal,
           coalesce(sum(vat), 0)::text AS vat, coalesce(sum(total), 0)::text AS total
    FROM "InvoiceStats" WHERE ${scope.businessUnitId}::int IS NULL OR "businessUnitId" = ${scope.businessUnitId}`;
  const count = row?.count ?? 0;
  const cents = { subtotal: parseCents(row?.subtotal ?? "0"), vat: parseCents(row?.vat ?? "0"), total: parseCents(row?.total ?? "0") };
  return {
    count,
    subtotal: formatCents(cents.subtotal),
    vat: formatCents(cents.vat),
    total: formatCents(cents.total),
    average: formatCents(averageCents(cents.total, count)),
  };
}
