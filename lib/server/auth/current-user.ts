import "server-only";

import { getServerSession } from "next-auth";
import { cache } from "react";

import { authOptions } from "./options";
import { loadSessionUser, type SessionUser } from "./session-user";

/** The signed-in, still active user of this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? loadSessionUser(session.user.id) : null;
});
