"use server";

import { cookies } from "next/headers";
import { z } from "zod";

import { ROLES } from "../permissions";
import { createAction, type ActionResult } from "../server/auth/action";
import { db } from "../server/db";
import { LOCALE_COOKIE, LOCALES, type Locale } from "./config";

const localeSchema = z.object({ locale: z.enum(LOCALES) });

async function rememberLocale(locale: Locale): Promise<void> {
  // A year: the choice should survive sign-outs and browser restarts.
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
}

/** Persists the signed-in user's language on the account (follows them to other devices) and in the cookie. */
export const updateLocale = createAction({ schema: localeSchema, roles: ROLES }, async function updateLocale({ locale }, user) {
  await db.user.update({ where: { id: user.id }, data: { locale }, select: { id: true } });
  await rememberLocale(locale);
  return { locale };
});

/** The login page's switcher: there is no account yet, so only the cookie changes. */
export async function setAnonymousLocale(input: unknown): Promise<ActionResult<{ locale: Locale }>> {
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: "VALIDATION_FAILED", message: "Unsupported locale." } };
  await rememberLocale(parsed.data.locale);
  return { ok: true, data: { locale: parsed.data.locale } };
}
