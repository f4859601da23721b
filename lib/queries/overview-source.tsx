"use client";

import { createContext, useContext, type ReactNode } from "react";

import type { InvoiceSummary } from "../invoices/types";
import type { KpiSnapshotView } from "../kpis/types";
import { fetchEnvelope } from "./fetch-envelope";

/** Where the overview's live queries refetch from: the signed-in user's APIs, or a share link's. */
export interface OverviewSource {
  kpis: (scope: string) => Promise<KpiSnapshotView>;
  latestInvoices: (limit: number) => Promise<InvoiceSummary[]>;
}

const SESSION_SOURCE: OverviewSource = {
  kpis: (scope) => fetchEnvelope<KpiSnapshotView>(`/api/v1/kpis?scope=${encodeURIComponent(scope)}`),
  latestInvoices: (limit) => fetchEnvelope<InvoiceSummary[]>(`/api/invoices?limit=${limit}`),
};

const OverviewSourceContext = createContext<OverviewSource>(SESSION_SOURCE);

export function OverviewSourceProvider({ source, children }: { source: OverviewSource; children: ReactNode }) {
  return <OverviewSourceContext.Provider value={source}>{children}</OverviewSourceContext.Provider>;
}

export function useOverviewSource(): OverviewSource {
  return useContext(OverviewSourceContext);
}
