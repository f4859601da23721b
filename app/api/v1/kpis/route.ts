// GET /api/v1/kpis?scope=all|<unit>: the latest KPI snapshot the caller may see.
import { z } from "zod";

import { getKpiSnapshot, resolveKpiScope } from "@/lib/kpis/get-snapshot";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

const kpiQuerySchema = z.object({
  scope: z
    .string()
    .regex(/^[a-z0-9-]+$/, "scope is all or a business-unit slug")
    .optional(),
});

export const GET = withSession("dashboards.read", async (request, { user }) => {
  const { scope } = kpiQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const resolved = await resolveKpiScope(user, scope);
  return getKpiSnapshot(resolved.key);
});
