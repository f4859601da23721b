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
  const [pusher, setPusher] = useState<Pusher | null>(null);
  const [status, setStatus] = useState<LiveStatus>("RECONNECTING");
  const [reconnects, setReconnects] = useState(0);
  const channels = useRef(new Map<string, { channel: Channel; users: number }>());

  useEffect(() => {
    const client = new Pusher(settings.key, {
      cluster: settings.cluster,
      wsHost: settings.host,
      wsPort: settings.port,
      wssPort: settings.port,
      forceTLS: settings.useTLS,
      enabledTransports: ["ws", "wss"],
      disableStats: true,
      channelAuthorization: { endpoint: "/api/realtime/auth", transport: "ajax" },
    });
    let connectedBefore = false;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      const next = toLiveStatus(client.connection.state, navigator.onLine);
      clearTimeout(pending);
      if (next === "LIVE") setStatus("LIVE");
      else pending = setTimeout(() => setStatus(next), STATUS_GRACE_MS);
    };
    client.connection.bind("state_change", ({ current }: { current: string }) => {
      if (current === "connected") {
        if (connectedBefore) setReconnects((count) => count + 1);
        connectedBefore = true;
      }
      update();
    });
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    setPusher(client);
    return () => {
      clearTimeout(pending);
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
      client.disconnect();
      channels.current.clear();
    };
  }, [settings.key, settings.cluster, settings.host, settings.port, settings.useTLS]);

  // Stable while the client lives, so subscribers do not resubscribe on every status change.
  const listen = useCallback(
    (name: string, event: string, listener: Listener) => {
      if (!pusher) return () => {};
      const entry = channels.current.get(name) ?? { channel: pusher.subscribe(name), users: 0 };
      entry.users += 1;
      channels.current.set(name, entry);
      entry.channel.bind(event, listener);
      return () => {
        entry.channel.unbind(event, listener);
        entry.users -= 1;
        if (entry.users === 0) {
          pusher.unsubscribe(name);
          channels.current.delete(name);
        }
      };
    },
    [pusher],
  );
  const value = useMemo<RealtimeContextValue>(() => ({ status, reconnects, listen }), [status, reconnects, listen]);

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeContextValue {
  const context = useContext(RealtimeContext);
  if (!context) throw new Error("useRealtime needs a <RealtimeProvider> above it");
  return context;
}
