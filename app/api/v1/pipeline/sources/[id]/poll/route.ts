// POST /api/v1/pipeline/sources/{id}/poll: load a remote source now, whatever its interval (ADMIN: sources load every unit).
import { auditActorOf } from "@/lib/audit/audit-context";
import { pollSources } from "@/lib/pipeline/remote-sources";
import { idParamSchema } from "@/lib/server/http/id-param";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const POST = withSession<{ id: string }>("pipeline.sources.manage", async (_request, context) => {
  const [result] = await pollSources(idParamSchema.parse(context.params.id), auditActorOf(context));
  return { status: result?.status ?? "FAILED", error: result?.error ?? null, runId: result?.run?.id ?? null };
});
