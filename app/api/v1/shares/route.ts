// GET /api/v1/shares: the share links the caller manages (its unit's when scoped); POST: create one, its URL shown once.
import { auditActorOf } from "@/lib/audit/audit-context";
import { ok } from "@/lib/server/http/envelope";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { withSession } from "@/lib/server/http/with-session";
import { createShare, listShares } from "@/lib/shares/manage-shares";
import { newShareSchema } from "@/lib/shares/schemas";

export const dynamic = "force-dynamic";

export const GET = withSession("admin.shares", (_request, { user }) => listShares(user));

export const POST = withSession("admin.shares", async (request, context) => {
  const input = newShareSchema.parse(await request.json());
  const created = await createShare(context.user, input, { actor: auditActorOf(context), baseUrl: publicOrigin(request) });
  return ok(context.requestId, created, undefined, 201);
});
