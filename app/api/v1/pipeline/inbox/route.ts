// POST /api/v1/pipeline/inbox: "run today's file" (data/inbox/sales_YYYYMMDD.csv); 202 with the run id.
import { inboxRunSchema, queueInboxRun } from "@/lib/pipeline/start-run";
import { ok } from "@/lib/server/http/envelope";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";
// The load (or catch-up) continues after the response, within the function's time.
export const maxDuration = 300;

export const POST = withSession("pipeline.run", async (request, { user, requestId, ip }) => {
  const { dryRun } = inboxRunSchema.parse(await request.json().catch(() => ({})));
  return ok(requestId, { runId: await queueInboxRun(user, dryRun, { ip, requestId }) }, undefined, 202);
});
