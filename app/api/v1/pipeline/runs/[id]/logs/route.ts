// GET /api/v1/pipeline/runs/{id}/logs?after=SEQ: the run's stored log lines, oldest first.
import { z } from "zod";

import { listRunLogs, positiveIdSchema } from "@/lib/pipeline/run-queries";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

const afterSchema = z.coerce.number().int().min(0).default(0);

export const GET = withSession<{ id: string }>("pipeline.read", async (request, { user, params }) =>
  listRunLogs(user, positiveIdSchema.parse(params.id), afterSchema.parse(request.nextUrl.searchParams.get("after") ?? undefined)),
);
