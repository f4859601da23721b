"use client";

import { INVOICES_EVENT, type InvoicesCreatedEvent, type InvoiceSummary } from "../invoices/types";
import { useLiveQuery } from "../realtime/use-live-query";
import { useOverviewSource } from "./overview-source";

const TICKER_SIZE = 10;

/** The newest invoices for the overview ticker: new ones are prepended from the invoices channel. */
export function useLatestInvoices({ initial, scope, channel }: { initial: InvoiceSummary[]; scope: string; channel: string }) {
  const source = useOverviewSource();
  return useLiveQuery<InvoiceSummary[]>({
    queryKey: ["latest-invoices", scope],
    queryFn: () => source.latestInvoices(TICKER_SIZE),
    initialData: initial,
    channel,
    event: INVOICES_EVENT,
    apply: (current, payload) => {
      const event = payload as InvoicesCreatedEvent;
      // A reset deleted generated invoices: start the ticker over from what arrives next.
      const kept = event.reset ? [] : (current ?? []);
      const fresh = event.invoices;
      const seen = new Set(fresh.map((invoice) => invoice.id));
      return [...[...fresh].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt)), ...kept.filter((invoice) => !seen.has(invoice.id))].slice(
        0,
        TICKER_SIZE,
      );
    },
  });
}
