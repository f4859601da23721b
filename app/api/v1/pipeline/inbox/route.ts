// POST /api/v1/pipeline/inbox: "run today's file" (data/inbox/sales_YYYYMMDD.csv); 202 with the run id.
import { inboxRunSchema, queueInboxRun } from "@/lib/pipeline/start-run";
import { ok } from "@/lib/server/http/envelope";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession("pipeline.run", async (request, { user, requestId }) => {
  const { dryRun } = inboxRunSchema.parse(await request.json().catch(() => ({})));
  return ok(requestId, { runId: await queueInboxRun(user, dryRun) }, undefined, 202);
});
