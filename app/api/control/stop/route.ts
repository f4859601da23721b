// POST /api/control/stop: stop the invoice generator at once (invoices already queued in browsers keep draining).
import { CONTROL_ROLES, stopGenerator } from "@/lib/invoices/controls";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession({ roles: CONTROL_ROLES }, (request, { user, requestId }) =>
  stopGenerator(user, { requestId, ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() }),
);
