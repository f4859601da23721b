// GET /api/health/db: database reachability and latency. Public.
import { checkDatabase } from "@/lib/health/check-health";
import { ok } from "@/lib/server/http/envelope";
import { withRequest } from "@/lib/server/http/with-request";

export const dynamic = "force-dynamic";

export const GET = withRequest(async (_request, { requestId }) => {
  const database = await checkDatabase();
  return ok(requestId, database, undefined, database.status === "up" ? 200 : 503);
});
