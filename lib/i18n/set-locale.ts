import "server-only";

import { cookies } from "next/headers";

import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { LOCALE_COOKIE, type Locale } from "./config";

/**
 * Remembers the UI language in a cookie and, for a signed-in user, on the account (so it
 * follows them to other devices). Before sign-in there is no account: only the cookie changes.
 */
export async function setLocale(locale: Locale, user: SessionUser | null): Promise<{ locale: Locale }> {
  if (user) await db.user.update({ where: { id: user.id }, data: { locale }, select: { id: true } });
  // A year: the choice should survive sign-outs and browser restarts.
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  return { locale };
}
