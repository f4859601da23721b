// DELETE /api/v1/pipeline/sources/{id}: stop polling a remote source (its loaded data stays).
import { deleteSource } from "@/lib/pipeline/remote-sources";
import { idParamSchema } from "@/lib/server/http/id-param";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const DELETE = withSession<{ id: string }>("pipeline.sources.manage", async (_request, { params }) => {
  await deleteSource(idParamSchema.parse(params.id));
  return { deleted: true };
});
