// POST /api/control/reset: remove generated invoices and their sales in the caller's scope and zero their stats.
import { resetGenerator } from "@/lib/invoices/controls";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession("invoices.control", (_request, { user, requestId, ip }) => resetGenerator(user, { requestId, ip }));
