// GET /api/v1/status: diagnostics for /status (health, KPI scheduler, ingestion lag, live hubs).
import { withSession } from "@/lib/server/http/with-session";
import { getDiagnostics } from "@/lib/status/get-diagnostics";

export const dynamic = "force-dynamic";

export const GET = withSession("status.read", (_request, { user }) => getDiagnostics(user));
