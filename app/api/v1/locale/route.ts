// PUT /api/v1/locale: the caller's UI language ({ locale }); open before sign-in (the login page has a switcher).
import { localeSchema } from "@/lib/i18n/locale-schema";
import { setLocale } from "@/lib/i18n/set-locale";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { withRequest } from "@/lib/server/http/with-request";

export const dynamic = "force-dynamic";

export const PUT = withRequest(async (request) => {
  const { locale } = localeSchema.parse(await request.json());
  return setLocale(locale, await getCurrentUser());
});
