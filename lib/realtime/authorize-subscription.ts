import "server-only";

import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { forbiddenError } from "../server/errors";
import { canSubscribe } from "./channels";
import { pusherServer } from "./pusher-server";

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
