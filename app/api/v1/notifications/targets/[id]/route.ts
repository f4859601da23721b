// PATCH /api/v1/notifications/targets/{id} ({ "enabled": boolean }) and DELETE (ADMIN).
import { z } from "zod";

import { deleteTarget, setTargetEnabled } from "@/lib/notifications/manage";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

const idSchema = z.coerce.number().int().positive();

export const PATCH = withSession<{ id: string }>("notifications.manage", async (request, { params }) => {
  const { enabled } = z.object({ enabled: z.boolean() }).parse(await request.json());
  return setTargetEnabled(idSchema.parse(params.id), enabled);
});

export const DELETE = withSession<{ id: string }>("notifications.manage", async (_request, { params }) => {
  await deleteTarget(idSchema.parse(params.id));
  return { deleted: true };
});
