import "server-only";

import { cookies, headers } from "next/headers";
import { cache } from "react";

import { getCurrentUser } from "../server/auth/current-user";
import { CATALOGS } from "./catalogs";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { matchAcceptLanguage } from "./negotiate";
import { createTranslator, type Messages, type Translator } from "./translate";

const translators = new Map<Locale, Translator>();

export function getMessages(locale: Locale): Messages {
  return CATALOGS[locale];
}

/** The request's locale: the signed-in user's choice, else the cookie, else Accept-Language, else English. */
export const getLocale = cache(async (): Promise<Locale> => {
  const user = await getCurrentUser();
  if (user && isLocale(user.locale)) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return matchAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
});

/** `t()` for server components, in the request's locale unless one is given. */
export async function getTranslator(locale?: Locale): Promise<Translator> {
  const resolved = locale ?? (await getLocale());
  let translator = translators.get(resolved);
  if (!translator) translators.set(resolved, (translator = createTranslator(getMessages(resolved))));
  return translator;
}
