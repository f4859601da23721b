// POST /api/control/reset: remove generated invoices and their sales in the caller's scope and zero their stats.
import { CONTROL_ROLES, resetGenerator } from "@/lib/invoices/controls";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession({ roles: CONTROL_ROLES }, (request, { user, requestId }) =>
  resetGenerator(user, { requestId, ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() }),
);
