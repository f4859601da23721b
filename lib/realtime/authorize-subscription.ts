import "server-only";

import { z } from "zod";

import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { forbiddenError } from "../server/errors";
import { canSubscribe, runIdOfChannel } from "./channels";
import { pusherServer } from "./pusher-server";

/** What pusher-js posts as a form: its connection's socket id and the channel it subscribes to. */
export const subscriptionRequestSchema = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, "socket_id must look like 123.456"),
  channel_name: z.string().min(1).max(200),
});

/** A run's unit slug (null for a run of every unit), or undefined when there is no such run. */
async function runUnitSlug(runId: number): Promise<string | null | undefined> {
  const run = await db.pipelineRun.findUnique({ where: { id: runId }, select: { businessUnit: { select: { slug: true } } } });
  return run ? (run.businessUnit?.slug ?? null) : undefined;
}

/** Signs a subscription the user may make; presence channels carry id, name and role. */
export async function authorizeSubscription(user: SessionUser, socketId: string, channel: string) {
  const runId = runIdOfChannel(channel);
  const [units, runUnit] = await Promise.all([
    db.businessUnit.findMany({ select: { slug: true } }),
    runId === null || runId > 2_147_483_647 ? undefined : runUnitSlug(runId),
  ]);
  if (!canSubscribe(user, channel, { unitSlugs: units.map((unit) => unit.slug), runUnitSlug: runUnit })) {
    throw forbiddenError(`You may not subscribe to ${channel}.`);
  }
  if (channel.startsWith("presence-")) {
    return pusherServer.authorizeChannel(socketId, channel, { user_id: user.id, user_info: { name: user.name, role: user.role } });
  }
  return pusherServer.authorizeChannel(socketId, channel);
}
