import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { Brand } from "@/components/shell/brand";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
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
    <div className="flex min-h-dvh flex-col px-4 py-6">
      <div className="flex items-start justify-between gap-4">
        <Brand />
        <LocaleSwitcher className="w-44" />
      </div>
      <main className="flex flex-1 items-center justify-center py-10">
        <Card className="w-full max-w-sm">
          <CardHeader>
            <h1 className="text-xl font-semibold tracking-tight">{t("auth.title")}</h1>
            <CardDescription>{t("auth.subtitle")}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <LoginForm callbackUrl={callbackUrl} initialError={typeof params.error === "string" ? params.error : undefined} />
            {demo && (
              <p className="bg-muted text-muted-foreground rounded-md px-3 py-2 text-xs" data-testid="demo-hint">
                {t("auth.demoHint", { email: "admin@pulseboard.local", password: env.DEMO_PASSWORD ?? LOCAL_DEMO_PASSWORD })}
              </p>
            )}
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
