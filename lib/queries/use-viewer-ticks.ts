"use client";

import { useEffect } from "react";

import { sendEnvelope } from "./fetch-envelope";

const TICK_MS = 1_000;

/**
 * While a generator runs and the page is visible, asks the server once a second for the invoices
 * due, so the stream advances where no worker ticks (a deployment). The answer comes back as the
 * usual realtime events; a failed ask is simply the next second's job.
 */
export function useViewerTicks(running: boolean) {
  useEffect(() => {
    if (!running) return;
    let inFlight = false;
    const timer = setInterval(() => {
      if (inFlight || document.visibilityState !== "visible") return;
      inFlight = true;
      void sendEnvelope({ url: "/api/invoices/tick" })
        .catch(() => {})
        .finally(() => {
          inFlight = false;
        });
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [running]);
}
