import "server-only";

import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";

import { canOpen } from "../../permissions";
import { getCurrentUser } from "./current-user";
import type { SessionUser } from "./session-user";

/**
 * The gate for pages (server components): anonymous visitors go to /login and
 * come back afterwards; a role that may not open `path` gets the 403 view.
 */
export async function requireUser(path: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    const back = (await headers()).get("x-pathname") ?? path;
    redirect(`/login?callbackUrl=${encodeURIComponent(back)}`);
  }
  if (!canOpen(user.role, path)) forbidden();
  return user;
}
