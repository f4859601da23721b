// POST /api/control/stop: stop the invoice generator at once (invoices already queued in browsers keep draining).
import { stopGenerator } from "@/lib/invoices/controls";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession("invoices.control", (_request, { user, requestId, ip }) => stopGenerator(user, { requestId, ip }));
