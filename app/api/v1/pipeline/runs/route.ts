// GET /api/v1/pipeline/runs: run history (newest first, keyset by id).
// POST /api/v1/pipeline/runs: upload a CSV (multipart: file, preset | mapping, dryRun) and start a run; 202 with its id.
import { receiveUpload } from "@/lib/pipeline/receive-upload";
import { listRuns, runListQuerySchema } from "@/lib/pipeline/run-queries";
import { queueUploadRun } from "@/lib/pipeline/start-run";
import { ok } from "@/lib/server/http/envelope";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";
// The load (or catch-up) continues after the response, within the function's time.
export const maxDuration = 300;

export const GET = withSession("pipeline.read", async (request, { user }) =>
  listRuns(user, runListQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams))),
);

export const POST = withSession("pipeline.run", async (request, { user, requestId, ip }) => {
  const upload = await receiveUpload(request);
  const runId = await queueUploadRun(user, upload, { ip, requestId });
  return ok(requestId, { runId, sizeBytes: upload.sizeBytes, sha256: upload.sha256 }, undefined, 202);
});
