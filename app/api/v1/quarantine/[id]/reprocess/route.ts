// POST /api/v1/quarantine/{id}/reprocess { canonical }: queue a fixed row's load; 202 with the run id.
import { fixedRowSchema, reprocessQuarantined } from "@/lib/pipeline/quarantine";
import { ok } from "@/lib/server/http/envelope";
import { idParamSchema } from "@/lib/server/http/id-param";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";
// The load (or catch-up) continues after the response, within the function's time.
export const maxDuration = 300;

export const POST = withSession<{ id: string }>("quarantine.review", async (request, { user, params, requestId, ip }) => {
  const fixed = fixedRowSchema.parse(await request.json());
  const runId = await reprocessQuarantined(user, idParamSchema.parse(params.id), fixed, { ip, requestId });
  return ok(requestId, { runId }, undefined, 202);
});
