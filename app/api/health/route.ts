// GET /api/health: app and database health, for load balancers and /status. Public.
import { checkHealth } from "@/lib/health/check-health";
import { ok } from "@/lib/server/http/envelope";
import { withRequest } from "@/lib/server/http/with-request";

export const dynamic = "force-dynamic";

export const GET = withRequest(async (_request, { requestId }) => {
  const health = await checkHealth();
  return ok(requestId, health, undefined, health.status === "down" ? 503 : 200);
});
