// POST /api/control/stop: stop generators at once ({ businessUnit? }: a unit's slug or "all"; omitted, every one the caller controls).
import { stopGenerator } from "@/lib/invoices/controls";
import { controlTargetSchema } from "@/lib/invoices/schemas";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession("invoices.control", async (request, { user, requestId, ip }) => {
  // An empty body means every generator in the caller's scope; invoices already queued in browsers keep draining.
  const text = await request.text();
  return stopGenerator(user, { requestId, ip }, controlTargetSchema.parse(text.trim() ? JSON.parse(text) : {}));
});
