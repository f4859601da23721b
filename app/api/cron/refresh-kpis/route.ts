// GET /api/cron/refresh-kpis: recompute, store and broadcast every scope's KPI snapshot.
// Called by the local scheduler every KPI_REFRESH_SECONDS and by Vercel Cron.
import { refreshKpiSnapshots } from "@/lib/kpis/refresh-snapshots";
import { withCron } from "@/lib/server/http/with-cron";

export const dynamic = "force-dynamic";
// The load (or catch-up) continues after the response, within the function's time.
export const maxDuration = 300;

export const GET = withCron(async () => ({ scopes: await refreshKpiSnapshots() }));
