"use client";

import Pusher, { type Channel, type PresenceChannel } from "pusher-js";
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

/** Where pusher-js asks to sign subscriptions; a share link's viewer signs with its token instead of a session. */
export interface ChannelAuthorization {
  endpoint: string;
  headers?: Record<string, string>;
}

const SESSION_AUTHORIZATION: ChannelAuthorization = { endpoint: "/api/realtime/auth" };

type Listener = (message: LiveMessage) => void;

/** A member of a presence channel: the user id and the info the auth endpoint signed for it. */
export interface PresenceMember {
  id: string;
  info: unknown;
}

interface RealtimeContextValue {
  status: LiveStatus;
  /** Bumped on every (re)connection after the first: subscribers refetch what they may have missed. */
  reconnects: number;
  listen: (channel: string, event: string, listener: Listener) => () => void;
  /** Follows a presence channel's members (one per user id, however many tabs): the whole list on each change. */
  watchMembers: (channel: string, onChange: (members: PresenceMember[]) => void) => () => void;
}

const RealtimeContext = createContext<RealtimeContextValue | null>(null);

// A blip shorter than this does not flash RECONNECTING on a wall screen.
const STATUS_GRACE_MS = 1_500;

export function RealtimeProvider({
  settings,
  authorization = SESSION_AUTHORIZATION,
  children,
}: {
  settings: RealtimeSettings;
  authorization?: ChannelAuthorization;
  children: ReactNode;
}) {
  const [status, setStatus] = useState<LiveStatus>("RECONNECTING");
  const [reconnects, setReconnects] = useState(0);
  const client = useRef<Pusher | null>(null);
  const channels = useRef(new Map<string, { channel: Channel; users: number }>());
  const { key, cluster, host, port, useTLS } = settings;
  const { endpoint } = authorization;
  // By value, so a parent's re-render with an equal object keeps the connection.
  const authHeaders = JSON.stringify(authorization.headers ?? {});

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
      channelAuthorization: { endpoint, transport: "ajax", headers: JSON.parse(authHeaders) as Record<string, string> },
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
  }, [key, cluster, host, port, useTLS, endpoint, authHeaders]);

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
  const watchMembers = useCallback(
    (name: string, onChange: (members: PresenceMember[]) => void) => {
      // pusher-js updates `members` before it emits each of these events.
      const read = () => {
        const channel = channels.current.get(name)?.channel as PresenceChannel | undefined;
        const members: PresenceMember[] = [];
        if (channel?.subscribed) channel.members.each((member: PresenceMember) => void members.push(member));
        onChange(members);
      };
      const stops = ["pusher:subscription_succeeded", "pusher:member_added", "pusher:member_removed"].map((event) =>
        listen(name, event, read),
      );
      // Another component may have subscribed already: its subscription_succeeded has gone by.
      read();
      return () => stops.forEach((stop) => stop());
    },
    [listen],
  );
  const value = useMemo<RealtimeContextValue>(
    () => ({ status, reconnects, listen, watchMembers }),
    [status, reconnects, listen, watchMembers],
  );

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeContextValue {
  const context = useContext(RealtimeContext);
  if (!context) throw new Error("useRealtime needs a <RealtimeProvider> above it");
  return context;
}
