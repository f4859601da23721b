// GET /api/v1/users: the users, filtered (q, role, unit, active); POST: create one with an invitation or a first password (ADMIN).
import { ok } from "@/lib/server/http/envelope";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { withSession } from "@/lib/server/http/with-session";
import { listUsers } from "@/lib/users/list-users";
import { createUser } from "@/lib/users/manage-users";
import { newUserSchema, userFilterSchema } from "@/lib/users/types";

export const dynamic = "force-dynamic";

export const GET = withSession("admin.users", (request) =>
  listUsers(userFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams))),
);

export const POST = withSession("admin.users", async (request, { user, requestId, ip }) => {
  const input = newUserSchema.parse(await request.json());
  const created = await createUser(input, { actorId: user.id, requestId, ip, baseUrl: publicOrigin(request) });
  return ok(requestId, created, undefined, 201);
});
