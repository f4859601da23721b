// PATCH /api/v1/notifications/targets/{id} ({ "enabled": boolean }) and DELETE (ADMIN).
import { deleteTarget, setTargetEnabled } from "@/lib/notifications/manage";
import { targetUpdateSchema } from "@/lib/notifications/targets";
import { idParamSchema } from "@/lib/server/http/id-param";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const PATCH = withSession<{ id: string }>("notifications.manage", async (request, { params }) => {
  const { enabled } = targetUpdateSchema.parse(await request.json());
  return setTargetEnabled(idParamSchema.parse(params.id), enabled);
});

export const DELETE = withSession<{ id: string }>("notifications.manage", async (_request, { params }) => {
  await deleteTarget(idParamSchema.parse(params.id));
  return { deleted: true };
});
