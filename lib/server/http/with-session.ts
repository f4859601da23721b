import "server-only";

import type { NextRequest } from "next/server";

import { can, type Capability } from "../../permissions";
import { authenticateApiToken } from "../auth/api-tokens";
import { getCurrentUser } from "../auth/current-user";
import type { SessionUser } from "../auth/session-user";
import { forbiddenError, unauthorized } from "../errors";
import { clientAddress } from "./client-address";
import { withRequest, type Handler } from "./with-request";

/** How the caller proved who it is: a browser session, or an API token. */
export type Credential = "session" | "token";

/**
 * Who calls: a bearer token (programmatic callers) wins over the session cookie (browsers);
 * null when neither is there. An invalid token is a 401, never silently anonymous.
 */
export async function identifyCaller(request: NextRequest): Promise<SessionUser | null> {
  return (await identifyCredential(request))?.user ?? null;
}

async function identifyCredential(request: NextRequest, requestId?: string): Promise<{ user: SessionUser; credential: Credential } | null> {
  const authorization = request.headers.get("authorization");
  if (authorization?.startsWith("Bearer ")) {
    const user = await authenticateApiToken(authorization.slice("Bearer ".length).trim(), {
      ip: clientAddress(request.headers.get("x-forwarded-for")),
      requestId,
    });
    if (!user) throw unauthorized("The API token is invalid, expired or revoked, or its user is deactivated.");
    return { user, credential: "token" };
  }
  const user = await getCurrentUser();
  return user ? { user, credential: "session" } : null;
}

/**
 * The gate for route handlers: 401 without a session or API token, 403 when the
 * user's role lacks `capability`. The handler receives the user, read fresh from the database.
 */
export function withSession<Params = Record<string, never>>(
  capability: Capability,
  handler: Handler<Params, { user: SessionUser; credential: Credential }>,
) {
  return withRequest<Params>(async (request, context) => {
    const caller = await identifyCredential(request, context.requestId);
    if (!caller) throw unauthorized();
    if (!can(caller.user.role, capability)) throw forbiddenError();
    context.log = context.log.child({ userId: caller.user.id });
    return handler(request, { ...context, ...caller });
  });
}
