// PATCH /api/v1/notifications/targets/{id} ({ "enabled": boolean }) and DELETE (ADMIN).
import { auditActorOf } from "@/lib/audit/audit-context";
import { deleteTarget, setTargetEnabled } from "@/lib/notifications/manage";
import { targetUpdateSchema } from "@/lib/notifications/targets";
import { idParamSchema } from "@/lib/server/http/id-param";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const PATCH = withSession<{ id: string }>("notifications.manage", async (request, context) => {
  const { enabled } = targetUpdateSchema.parse(await request.json());
  return setTargetEnabled(idParamSchema.parse(context.params.id), enabled, auditActorOf(context));
});

export const DELETE = withSession<{ id: string }>("notifications.manage", async (_request, context) => {
  await deleteTarget(idParamSchema.parse(context.params.id), auditActorOf(context));
  return { deleted: true };
});
