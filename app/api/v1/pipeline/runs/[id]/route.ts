// GET /api/v1/pipeline/runs/{id}: one run with its counters.
import { getRun, positiveIdSchema } from "@/lib/pipeline/run-queries";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession<{ id: string }>("pipeline.read", async (_request, { user, params }) =>
  getRun(user, positiveIdSchema.parse(params.id)),
);
