// GET /api/v1/pipeline/runs/{id}/logs?after=SEQ: the run's stored log lines, oldest first.
import { listRunLogs, runLogsQuerySchema } from "@/lib/pipeline/run-queries";
import { idParamSchema } from "@/lib/server/http/id-param";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession<{ id: string }>("pipeline.read", async (request, { user, params }) =>
  listRunLogs(user, idParamSchema.parse(params.id), runLogsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams)).after),
);
