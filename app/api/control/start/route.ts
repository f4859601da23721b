// POST /api/control/start: start a generator ({ ratePerSecond?, durationSeconds?, businessUnit? }); 409 while it runs,
// 422 when ratePerSecond × durationSeconds exceeds GENERATOR_MAX_INVOICES_PER_RUN.
import { startGenerator } from "@/lib/invoices/controls";
import { startGeneratorSchema } from "@/lib/invoices/schemas";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession("invoices.control", async (request, { user, requestId, ip }) => {
  // An empty body means "the defaults" (5 invoices a second for 300 s, for the caller's whole scope).
  const text = await request.text();
  const input = startGeneratorSchema.parse(text.trim() ? JSON.parse(text) : {});
  return startGenerator(user, input, { requestId, ip });
});
