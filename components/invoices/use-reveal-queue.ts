"use client";

import { useEffect, useMemo, useReducer, useRef } from "react";

import { upperBound } from "@/lib/invoices/stream-state";
import type { InvoiceSummary } from "@/lib/invoices/types";

/** The grid shows queued invoices at 2 a second, so a burst stays readable and drains after Stop. */
export const REVEAL_INTERVAL_MS = 500;
export const HIGHLIGHT_MS = 2_000;

export interface RevealState {
  /** Invoices on screen: the first `shown` of the list (oldest first). */
  shown: number;
  /** Invoices received but not revealed yet. */
  backlog: number;
  /** Ids revealed in the last HIGHLIGHT_MS, to highlight. */
  highlighted: ReadonlySet<number>;
}

export interface QueueState {
  /** Every invoice with an id up to this one is on screen. */
  cursor: number;
  /** Recently revealed ids and when. */
  revealedAt: ReadonlyMap<number, number>;
}

/** One beat: reveal the oldest queued invoice, let old highlights fade. Unchanged state keeps its identity. */
export function revealNext(state: QueueState, list: readonly InvoiceSummary[], now: number): QueueState {
  const next = list[upperBound(list, state.cursor)];
  const expired = [...state.revealedAt.values()].some((at) => now - at >= HIGHLIGHT_MS);
  if (!next && !expired) return state;
  const revealedAt = new Map([...state.revealedAt].filter(([, at]) => now - at < HIGHLIGHT_MS));
  if (next) revealedAt.set(next.id, now);
  return { cursor: next?.id ?? state.cursor, revealedAt };
}

/**
 * Reveals invoices one by one, oldest queued first: everything known at first render is shown at
 * once, and every invoice with a higher id waits its turn. Works on ids, so refetches and resets
 * that replace the list keep the queue right.
 */
export function useRevealQueue(invoices: readonly InvoiceSummary[]): RevealState {
  const latest = useRef(invoices);
  const [state, beat] = useReducer(
    (current: QueueState, { list, now }: { list: readonly InvoiceSummary[]; now: number }) => revealNext(current, list, now),
    invoices,
    (initial): QueueState => ({ cursor: initial.at(-1)?.id ?? 0, revealedAt: new Map() }),
  );

  useEffect(() => {
    latest.current = invoices;
  }, [invoices]);

  useEffect(() => {
    const timer = setInterval(() => beat({ list: latest.current, now: Date.now() }), REVEAL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);

  const shown = upperBound(invoices, state.cursor);
  const highlighted = useMemo(() => new Set(state.revealedAt.keys()), [state.revealedAt]);
  return { shown, backlog: invoices.length - shown, highlighted };
}
