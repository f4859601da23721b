import "server-only";

import { z } from "zod";

import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { forbiddenError } from "../server/errors";
import { canSubscribe } from "./channels";
import { pusherServer } from "./pusher-server";

/** What pusher-js posts as a form: its connection's socket id and the channel it subscribes to. */
export const subscriptionRequestSchema = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, "socket_id must look like 123.456"),
  channel_name: z.string().min(1).max(200),
});

/** Signs a subscription the user may make; presence channels carry id, name and role. */
export async function authorizeSubscription(user: SessionUser, socketId: string, channel: string) {
  const units = await db.businessUnit.findMany({ select: { slug: true } });
  if (
    !canSubscribe(
      user,
      channel,
      units.map((unit) => unit.slug),
    )
  )
    throw forbiddenError(`You may not subscribe to ${channel}.`);
  if (channel.startsWith("presence-")) {
    return pusherServer.authorizeChannel(socketId, channel, { user_id: user.id, user_info: { name: user.name, role: user.role } });
  }
  return pusherServer.authorizeChannel(socketId, channel);
}
