// POST /api/control/reset: remove generated invoices and their sales, zero their stats and reset their generators
// ({ businessUnit? }: one unit's slug; omitted, every unit in the caller's scope).
import { resetGenerator } from "@/lib/invoices/controls";
import { controlTargetSchema } from "@/lib/invoices/schemas";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession("invoices.control", async (request, { user, requestId, ip }) => {
  const text = await request.text();
  return resetGenerator(user, { requestId, ip }, controlTargetSchema.parse(text.trim() ? JSON.parse(text) : {}));
});
