// GET /api/system/status: the invoice generator's state ({ state, ratePerSecond, produced, startedAt, endsAt, … }).
import { getGeneratorStatus } from "@/lib/invoices/generator-status";
import { invoiceScopeOf } from "@/lib/invoices/scope";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("dashboards.read", (_request, { user }) => getGeneratorStatus(invoiceScopeOf(user)));
