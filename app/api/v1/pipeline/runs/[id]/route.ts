// GET /api/v1/pipeline/runs/{id}: one run with its counters.
import { getRun } from "@/lib/pipeline/run-queries";
import { idParamSchema } from "@/lib/server/http/id-param";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession<{ id: string }>("pipeline.read", async (_request, { user, params }) =>
  getRun(user, idParamSchema.parse(params.id)),
);
