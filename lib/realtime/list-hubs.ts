import "server-only";

import type { Hub } from "../status/types";
import { pusherServer } from "./pusher-server";

export type { Hub };

/** The live channels ("hubs") and how many subscriptions each has, from the realtime server. */
export async function listHubs(): Promise<Hub[]> {
  const response = await pusherServer.get({ path: "/channels", params: { info: "subscription_count" } });
  const body = (await response.json()) as { channels: Record<string, { subscription_count?: number }> };
  return Object.entries(body.channels)
    .map(([channel, info]) => ({ channel, subscribers: info.subscription_count ?? 0 }))
    .sort((a, b) => a.channel.localeCompare(b.channel));
}
