// GET /api/system/status: the caller's invoice generator ({ state, ratePerSecond, produced, startedAt, endsAt, … })
// and every generator it may see (`generators`); a scoped caller sees only its unit's.
import { getGeneratorStatus } from "@/lib/invoices/generator-status";
import { invoiceScopeOf } from "@/lib/invoices/scope";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("dashboards.read", (_request, { user }) => getGeneratorStatus(invoiceScopeOf(user)));
