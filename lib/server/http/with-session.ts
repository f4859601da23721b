import "server-only";

import type { NextRequest } from "next/server";

import { can, type Capability } from "../../permissions";
import { authenticateApiToken } from "../auth/api-tokens";
import { getCurrentUser } from "../auth/current-user";
import type { SessionUser } from "../auth/session-user";
import { forbiddenError, unauthorized } from "../errors";
import { withRequest, type Handler } from "./with-request";

/**
 * Who calls: a bearer token (programmatic callers) wins over the session cookie (browsers);
 * null when neither is there. An invalid token is a 401, never silently anonymous.
 */
export async function identifyCaller(request: NextRequest): Promise<SessionUser | null> {
  const authorization = request.headers.get("authorization");
  if (authorization?.startsWith("Bearer ")) {
    const user = await authenticateApiToken(authorization.slice("Bearer ".length).trim());
    if (!user) throw unauthorized("The API token is invalid, expired or revoked.");
    return user;
  }
  return getCurrentUser();
}

/**
 * The gate for route handlers: 401 without a session or API token, 403 when the
 * user's role lacks `capability`. The handler receives the user, read fresh from the database.
 */
export function withSession<Params = Record<string, never>>(capability: Capability, handler: Handler<Params, { user: SessionUser }>) {
  return withRequest<Params>(async (request, context) => {
    const user = await identifyCaller(request);
    if (!user) throw unauthorized();
    if (!can(user.role, capability)) throw forbiddenError();
    context.log = context.log.child({ userId: user.id });
    return handler(request, { ...context, user });
  });
}
