// DELETE /api/v1/pipeline/mappings/{id}: remove a saved mapping of the caller's unit (runs keep the mapping they used).
import { auditActorOf } from "@/lib/audit/audit-context";
import { deleteSavedMapping } from "@/lib/pipeline/saved-mappings";
import { idParamSchema } from "@/lib/server/http/id-param";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const DELETE = withSession<{ id: string }>("pipeline.mappings.manage", async (_request, context) => {
  await deleteSavedMapping(context.user, idParamSchema.parse(context.params.id), auditActorOf(context));
  return { deleted: true };
});
