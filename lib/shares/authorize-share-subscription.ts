import "server-only";

import { randomBytes } from "node:crypto";

import { pusherServer } from "../realtime/pusher-server";
import { forbiddenError } from "../server/errors";
import type { ActiveShare } from "./resolve-share";
import { canShareSubscribe } from "./share-channels";

/**
 * Signs a subscription for a share link's viewer. In the presence channel the viewer is an anonymous
 * member: a fresh id per subscription under the link's, so each open screen counts once and names no one.
 */
export function authorizeShareSubscription(share: ActiveShare, socketId: string, channel: string) {
  if (!canShareSubscribe(share, channel)) throw forbiddenError(`This share link may not subscribe to ${channel}.`);
  if (channel.startsWith("presence-")) {
    const member = { user_id: `share:${share.id}:${randomBytes(6).toString("hex")}`, user_info: { anonymous: true } };
    return pusherServer.authorizeChannel(socketId, channel, member);
  }
  return pusherServer.authorizeChannel(socketId, channel);
}
