import "server-only";

import type { Role } from "../../auth/roles";
import { getCurrentUser } from "../auth/current-user";
import type { SessionUser } from "../auth/session-user";
import { forbiddenError, unauthorized } from "../errors";
import { withRequest, type Handler } from "./with-request";

/**
 * The gate for route handlers: 401 without a session, 403 when the role is not
 * in `roles`. The handler receives the user, read fresh from the database.
 */
export function withSession<Params = Record<string, never>>(options: { roles: readonly Role[] }, handler: Handler<Params, { user: SessionUser }>) {
  return withRequest<Params>(async (request, context) => {
    const user = await getCurrentUser();
    if (!user) throw unauthorized();
    if (!options.roles.includes(user.role)) throw forbiddenError();
    context.log = context.log.child({ userId: user.id });
    return handler(request, { ...context, user });
  });
}
