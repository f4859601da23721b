// POST /api/v1/users/{id}/password-link: a one-time link (72 h) to choose a password, an invitation or a reset (ADMIN).
import { ok } from "@/lib/server/http/envelope";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { withSession } from "@/lib/server/http/with-session";
import { createPasswordLink } from "@/lib/users/manage-users";

export const dynamic = "force-dynamic";

export const POST = withSession<{ id: string }>("admin.users", async (request, { user, params, requestId, ip }) =>
  ok(requestId, await createPasswordLink(params.id, { actorId: user.id, requestId, ip, baseUrl: publicOrigin(request) }), undefined, 201),
);
