import "server-only";

import type { NextRequest } from "next/server";

import { env } from "../env";

/**
 * The origin people reach the app at, for links the app hands out (invitations, resets): the
 * configured NEXTAUTH_URL, else the origin the request came to.
 */
export function publicOrigin(request: NextRequest): string {
  return env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : request.nextUrl.origin;
}
