// GET /api/v1/kpis?scope=all|<unit>: the latest KPI snapshot the caller may see.
import { getKpiSnapshot, resolveKpiScope } from "@/lib/kpis/get-snapshot";
import { kpiQuerySchema } from "@/lib/kpis/schemas";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("dashboards.read", async (request, { user }) => {
  const { scope } = kpiQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const resolved = await resolveKpiScope(user, scope);
  return getKpiSnapshot(resolved.key);
});
