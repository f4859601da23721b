// GET /api/health: app, database and realtime health, for load balancers and /status. Public:
// anyone gets the statuses; versions, hosts and errors only a signed-in ADMIN.
import { checkHealth } from "@/lib/health/check-health";
import { redactHealth } from "@/lib/health/types";
import { ok } from "@/lib/server/http/envelope";
import { withRequest } from "@/lib/server/http/with-request";
import { identifyCaller } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withRequest(async (request, { requestId }) => {
  const [health, caller] = await Promise.all([checkHealth(), identifyCaller(request)]);
  return ok(requestId, caller?.role === "ADMIN" ? health : redactHealth(health), undefined, health.status === "down" ? 503 : 200);
});
