"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import { applyInvoicesEvent, mergeFetched, STREAM_FETCH_LIMIT, type InvoiceStreamData } from "../invoices/stream-state";
import {
  INVOICES_EVENT,
  type GeneratorStatusView,
  type InvoicesCreatedEvent,
  type InvoiceStatsView,
  type InvoiceSummary,
} from "../invoices/types";
import { useRealtime } from "../realtime/realtime-provider";
import { useLiveQuery } from "../realtime/use-live-query";
import { fetchEnvelope } from "./fetch-envelope";

// After a run ends or a reset, the exact totals are read again once the last events have landed.
const RESYNC_DELAY_MS = 750;

export const invoiceStreamKey = (scope: string) => ["invoices", "stream", scope] as const;

/**
 * The invoice stream of a scope: stats, generator status and invoices, seeded by the server
 * render, folded from each INVOICES_EVENT and refetched on gaps, reconnects and resets.
 */
export function useInvoiceStream({ initial, scope, channel }: { initial: InvoiceStreamData; scope: string; channel: string }) {
  const queryClient = useQueryClient();
  const { listen } = useRealtime();
  const queryKey = invoiceStreamKey(scope);

  const query = useLiveQuery<InvoiceStreamData>({
    queryKey,
    queryFn: async () => {
      const [stats, status, newestFirst] = await Promise.all([
        fetchEnvelope<InvoiceStatsView>("/api/stats"),
        fetchEnvelope<GeneratorStatusView>("/api/system/status"),
        fetchEnvelope<InvoiceSummary[]>(`/api/invoices?limit=${STREAM_FETCH_LIMIT}`),
      ]);
      return mergeFetched(queryClient.getQueryData<InvoiceStreamData>(queryKey), { stats, status, newestFirst });
    },
    initialData: initial,
    channel,
    event: INVOICES_EVENT,
    apply: (current, payload) => applyInvoicesEvent(current ?? initial, payload as InvoicesCreatedEvent),
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = listen(channel, INVOICES_EVENT, (message) => {
      const data = message.data as InvoicesCreatedEvent | undefined;
      if (!data?.reset && data?.generator?.state !== "IDLE") return;
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: invoiceStreamKey(scope) }), RESYNC_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [channel, listen, queryClient, scope]);

  return query;
}
