"use client";

import type { InvoiceSummary } from "../invoices/types";
import type { KpiSnapshotView } from "../kpis/types";
import { SHARE_ENDPOINTS, SHARE_TOKEN_HEADER } from "../shares/share-protocol";
import { ApiError, fetchEnvelope } from "./fetch-envelope";
import type { OverviewSource } from "./overview-source";

export type ShareEnd = "expired" | "revoked";

/** Why a share endpoint refused the token, if it did: the link expired, or stopped working for good. */
export function shareEndOf(error: unknown): ShareEnd | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === "SHARE_EXPIRED") return "expired";
  return error.code === "SHARE_REVOKED" || error.code === "SHARE_NOT_FOUND" ? "revoked" : null;
}

/**
 * The overview's data for a share link's viewer: its own endpoints, authorized by the token from
 * the page's URL. A refusal because the link ended is reported through `onEnd`, then thrown as usual.
 */
export function createShareSource(token: string, onEnd: (end: ShareEnd) => void): OverviewSource {
  async function get<T>(url: string): Promise<T> {
    try {
      return await fetchEnvelope<T>(url, { headers: { [SHARE_TOKEN_HEADER]: token } });
    } catch (error) {
      const end = shareEndOf(error);
      if (end) onEnd(end);
      throw error;
    }
  }
  // The link fixes the scope and its endpoint the ticker's size.
  return {
    kpis: () => get<KpiSnapshotView>(SHARE_ENDPOINTS.kpis),
    latestInvoices: () => get<InvoiceSummary[]>(SHARE_ENDPOINTS.invoices),
  };
}
