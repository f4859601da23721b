// What the connection indicator shows, derived from pusher-js's connection states.
export type LiveStatus = "LIVE" | "RECONNECTING" | "OFFLINE";

export function toLiveStatus(pusherState: string, browserOnline: boolean): LiveStatus {
  if (!browserOnline) return "OFFLINE";
  if (pusherState === "connected") return "LIVE";
  if (pusherState === "failed" || pusherState === "disconnected") return "OFFLINE";
  return "RECONNECTING";
}

/** Decides what to do with a sequenced message: apply it, drop it (old), or refetch (gap). */
export function classifySequence(lastSeen: number | undefined, seq: number): "apply" | "stale" | "gap" {
  if (lastSeen === undefined || seq === lastSeen + 1) return "apply";
  return seq <= lastSeen ? "stale" : "gap";
}
