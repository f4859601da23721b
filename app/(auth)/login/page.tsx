import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { AuthScreen } from "@/components/auth/auth-screen";
import { LoginForm } from "@/components/auth/login-form";
import { getTranslator } from "@/lib/i18n/server";
import { homeFor } from "@/lib/permissions";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { env, isLocalMode, LOCAL_DEMO_PASSWORD } from "@/lib/server/env";
import { safeCallbackUrl } from "@/lib/utils/safe-callback-url";
import type { PageSearchParams } from "@/lib/utils/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("auth.submit") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const [user, params, t] = await Promise.all([getCurrentUser(), searchParams, getTranslator()]);
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (user) redirect(callbackUrl ?? homeFor(user.role));
  // Local runs (the embedded database) advertise the seeded demo account; deployments never do.
  const demo = isLocalMode(env);

  return (
    <AuthScreen title={t("auth.title")} description={t("auth.subtitle")}>
      <LoginForm callbackUrl={callbackUrl} initialError={typeof params.error === "string" ? params.error : undefined} />
      {demo && (
        <p className="bg-muted text-muted-foreground rounded-md px-3 py-2 text-xs" data-testid="demo-hint">
          {t("auth.demoHint", { email: "admin@pulseboard.local", password: env.DEMO_PASSWORD ?? LOCAL_DEMO_PASSWORD })}
        </p>
      )}
    </AuthScreen>
  );
}
