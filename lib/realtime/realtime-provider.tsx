"use client";

import Pusher, { type Channel } from "pusher-js";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { toLiveStatus, type LiveStatus } from "@/lib/realtime/connection-state";
import type { LiveMessage } from "@/lib/realtime/live-message";

export interface RealtimeSettings {
  key: string;
  host: string;
  port: number;
  useTLS: boolean;
  cluster: string;
}

type Listener = (message: LiveMessage) => void;

interface RealtimeContextValue {
  status: LiveStatus;
  /** Bumped on every (re)connection after the first: subscribers refetch what they may have missed. */
  reconnects: number;
  listen: (channel: string, event: string, listener: Listener) => () => void;
}

const RealtimeContext = createContext<RealtimeContextValue | null>(null);

// A blip shorter than this does not flash RECONNECTING on a wall screen.
const STATUS_GRACE_MS = 1_500;

export function RealtimeProvider({ settings, children }: { settings: RealtimeSettings; children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>("RECONNECTING");
  const [reconnects, setReconnects] = useState(0);
  const client = useRef<Pusher | null>(null);
  const channels = useRef(new Map<string, { channel: Channel; users: number }>());
  const { key, cluster, host, port, useTLS } = settings;

  // Created on first use: children subscribe in their effects, which run before this provider's.
  const getClient = useCallback(() => {
    if (client.current) return client.current;
    const pusher = new Pusher(key, {
      cluster,
      wsHost: host,
      wsPort: port,
      wssPort: port,
      forceTLS: useTLS,
      enabledTransports: ["ws", "wss"],
      disableStats: true,
      channelAuthorization: { endpoint: "/api/realtime/auth", transport: "ajax" },
    });
    let connectedBefore = false;
    let pending: ReturnType<typeof setTimeout> | undefined;
    pusher.connection.bind("state_change", ({ current }: { current: string }) => {
      if (current === "connected") {
        if (connectedBefore) setReconnects((count) => count + 1);
        connectedBefore = true;
      }
      const next = toLiveStatus(current, navigator.onLine);
      clearTimeout(pending);
      if (next === "LIVE") setStatus("LIVE");
      else pending = setTimeout(() => setStatus(toLiveStatus(pusher.connection.state, navigator.onLine)), STATUS_GRACE_MS);
    });
    client.current = pusher;
    return pusher;
  }, [key, cluster, host, port, useTLS]);

  useEffect(() => {
    const pusher = getClient();
    const subscribed = channels.current;
    const updateOnline = () => setStatus(toLiveStatus(pusher.connection.state, navigator.onLine));
    window.addEventListener("online", updateOnline);
    window.addEventListener("offline", updateOnline);
    return () => {
      window.removeEventListener("online", updateOnline);
      window.removeEventListener("offline", updateOnline);
      pusher.disconnect();
      subscribed.clear();
      client.current = null;
    };
  }, [getClient]);

  // Stable while the settings hold, so subscribers do not resubscribe on every status change.
  const listen = useCallback(
    (name: string, event: string, listener: Listener) => {
      const pusher = getClient();
      const entry = channels.current.get(name) ?? { channel: pusher.subscribe(name), users: 0 };
      entry.users += 1;
      channels.current.set(name, entry);
      entry.channel.bind(event, listener);
      return () => {
        entry.channel.unbind(event, listener);
        entry.users -= 1;
        if (entry.users === 0 && client.current === pusher) {
          pusher.unsubscribe(name);
          channels.current.delete(name);
        }
      };
    },
    [getClient],
  );
  const value = useMemo<RealtimeContextValue>(() => ({ status, reconnects, listen }), [status, reconnects, listen]);

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeContextValue {
  const context = useContext(RealtimeContext);
  if (!context) throw new Error("useRealtime needs a <RealtimeProvider> above it");
  return context;
}
