"use client";

import { useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { classifySequence } from "./connection-state";
import { useRealtime } from "./realtime-provider";

// While the realtime server is unreachable, data still arrives by polling.
const POLL_MS = 5_000;

interface LiveQueryOptions<T> {
  queryKey: QueryKey;
  queryFn: () => Promise<T>;
  initialData?: T;
  channel: string;
  event: string;
  /** Folds an event's payload into the cached value. */
  apply: (current: T | undefined, payload: unknown) => T;
}

/**
 * A TanStack query kept current by a realtime channel. Events are applied in
 * sequence; a gap, an oversized event, a (re)subscription or a reconnect triggers
 * a refetch instead, so no update is silently lost.
 */
export function useLiveQuery<T>({ queryKey, queryFn, initialData, channel, event, apply }: LiveQueryOptions<T>) {
  const queryClient = useQueryClient();
  const { status, reconnects, listen } = useRealtime();
  const query = useQuery({ queryKey, queryFn, initialData, refetchInterval: status === "LIVE" ? false : POLL_MS });
  const lastSeq = useRef<number | undefined>(undefined);
  const latest = useRef({ queryKey, apply });
  const keyHash = JSON.stringify(queryKey);

  // Declared before the subscription: effects run in order, so events see the current props.
  useEffect(() => {
    latest.current = { queryKey, apply };
  });

  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries({ queryKey: latest.current.queryKey });
    const stopEvents = listen(channel, event, (message) => {
      const verdict = classifySequence(lastSeq.current, message.seq);
      if (verdict === "stale") return;
      lastSeq.current = message.seq;
      if (verdict === "gap" || message.refetch || message.data === undefined) refetch();
      else queryClient.setQueryData<T>(latest.current.queryKey, (current) => latest.current.apply(current, message.data));
    });
    // Whatever was published before this subscription took effect is fetched, not assumed.
    const stopSubscribed = listen(channel, "pusher:subscription_succeeded", refetch);
    return () => {
      stopEvents();
      stopSubscribed();
      lastSeq.current = undefined;
    };
  }, [channel, event, keyHash, listen, queryClient]);

  useEffect(() => {
    if (reconnects === 0) return;
    lastSeq.current = undefined;
    void queryClient.invalidateQueries({ queryKey: latest.current.queryKey });
  }, [reconnects, queryClient]);

  return { ...query, liveStatus: status };
}
