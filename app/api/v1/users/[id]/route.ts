// PATCH /api/v1/users/{id}: change name, role, unit or active state (ADMIN); the last active ADMIN stays one (409 LAST_ADMIN).
import { publicOrigin } from "@/lib/server/http/public-origin";
import { withSession } from "@/lib/server/http/with-session";
import { updateUser } from "@/lib/users/manage-users";
import { userUpdateSchema } from "@/lib/users/types";

export const dynamic = "force-dynamic";

export const PATCH = withSession<{ id: string }>("admin.users", async (request, { user, params, requestId, ip }) =>
  updateUser(params.id, userUpdateSchema.parse(await request.json()), { actorId: user.id, requestId, ip, baseUrl: publicOrigin(request) }),
);
