// PATCH /api/v1/pipeline/sources/{id}: change a remote source's settings, or pause and resume its polls;
// DELETE: stop polling it (its loaded data stays).
import { auditActorOf } from "@/lib/audit/audit-context";
import { deleteSource, sourceUpdateSchema, updateSource } from "@/lib/pipeline/remote-sources";
import { idParamSchema } from "@/lib/server/http/id-param";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const PATCH = withSession<{ id: string }>("pipeline.sources.manage", async (request, context) =>
  updateSource(idParamSchema.parse(context.params.id), sourceUpdateSchema.parse(await request.json()), auditActorOf(context)),
);

export const DELETE = withSession<{ id: string }>("pipeline.sources.manage", async (_request, context) => {
  await deleteSource(idParamSchema.parse(context.params.id), auditActorOf(context));
  return { deleted: true };
});
