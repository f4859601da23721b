import "server-only";

import { after } from "next/server";

import { refreshKpisAfterWrite } from "../kpis/refresh-after-write";
import { tickInvoices } from "./tick-invoices";

// Each open invoice stream asks once a second; a tick per half second per process serves them all.
const MIN_VIEWER_INTERVAL_MS = 500;
let lastViewerTick = 0;

/** Inserts the invoices due for every running generator; once they are written, refreshes the KPIs after the response. */
export async function tickAndRefresh() {
  const result = await tickInvoices();
  if (result.inserted > 0) after(refreshKpisAfterWrite);
  return result;
}

/**
 * A tick asked for by an open invoice stream, so the stream advances smoothly where no worker
 * ticks every 200 ms (a deployment's cron runs once a minute at best). The catch-up is exact
 * and idempotent, so concurrent viewers never duplicate an invoice.
 */
export async function tickForViewers(now = Date.now()): Promise<{ ticked: boolean; inserted: number }> {
  if (now - lastViewerTick < MIN_VIEWER_INTERVAL_MS) return { ticked: false, inserted: 0 };
  lastViewerTick = now;
  const { inserted } = await tickAndRefresh();
  return { ticked: true, inserted };
}
