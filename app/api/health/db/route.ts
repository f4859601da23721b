// GET /api/health/db: database reachability and latency. Public; the version and migration count only for a signed-in ADMIN.
import { checkDatabase } from "@/lib/health/check-health";
import { ok } from "@/lib/server/http/envelope";
import { withRequest } from "@/lib/server/http/with-request";
import { identifyCaller } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withRequest(async (request, { requestId }) => {
  const [database, caller] = await Promise.all([checkDatabase(), identifyCaller(request)]);
  const { status, latencyMs } = database;
  return ok(requestId, caller?.role === "ADMIN" ? database : { status, latencyMs }, undefined, status === "up" ? 200 : 503);
});
