// POST /api/v1/quarantine/{id}/discard: drop a rejected row from review.
import { discardQuarantined } from "@/lib/pipeline/quarantine";
import { idParamSchema } from "@/lib/server/http/id-param";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession<{ id: string }>("quarantine.review", async (_request, { user, params, ip, requestId }) => {
  await discardQuarantined(user, idParamSchema.parse(params.id), { ip, requestId });
  return { discarded: true };
});
