// GET /api/system/status: the invoice generator's state ({ state, ratePerSecond, produced, startedAt, endsAt, … }).
import { ROLES } from "@/lib/permissions";
import { getGeneratorStatus } from "@/lib/invoices/generator-status";
import { invoiceScopeOf } from "@/lib/invoices/scope";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession({ roles: ROLES }, (_request, { user }) => getGeneratorStatus(invoiceScopeOf(user)));
