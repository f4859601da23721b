"use client";

import { getSession, signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, type FormEvent } from "react";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { Translator } from "@/lib/i18n/translate";
import { homeFor } from "@/lib/permissions";
import { ApiError } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";

// Error codes of lib/server/auth/options.ts (SIGN_IN_ERRORS); that module is server-only.
const INVALID = "CredentialsSignin";
const THROTTLED = /^THROTTLED:(\d+)$/;

function describeError(code: string, t: Translator, locale: Locale): string {
  if (code === INVALID) return t("auth.errors.invalid");
  const throttled = THROTTLED.exec(code);
  if (throttled) {
    const minutes = Math.max(1, Math.ceil(Number(throttled[1]) / 60));
    const plural = new Intl.PluralRules(locale).select(minutes) === "one" ? "one" : "other";
    return t(`auth.errors.throttled.${plural}`, { minutes: formatNumber(minutes, locale) });
  }
  return t("auth.errors.unknown");
}

const INPUT =
  "border-border bg-card focus-visible:ring-ring h-10 w-full rounded-md border px-3 text-sm shadow-sm focus-visible:ring-2 focus-visible:outline-none";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const signInWith = useApiMutation({
    send: async ({ email, password }: { email: string; password: string }) => {
      const result = await signIn("credentials", { email, password, redirect: false }).catch(() => undefined);
      if (!result?.ok || result.error) throw new ApiError(result?.error ?? "unknown", "Sign-in failed.", result?.status ?? 0);
      // Without a callback URL each role lands on its own home.
      return callbackUrl ?? homeFor((await getSession())?.user.role ?? "VIEWER");
    },
    // The refresh re-renders the root layout too, so the page switches to the account's language.
    onSuccess: (destination) => {
      router.replace(destination);
      router.refresh();
    },
  });
  // The code, not the text, so switching language re-translates a shown error.
  const errorCode = signInWith.error instanceof ApiError ? signInWith.error.code : signInWith.isIdle ? (initialError ?? null) : null;
  // After a success the page is on its way out: keep the button busy until it goes.
  const pending = signInWith.isPending || signInWith.isSuccess;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    signInWith.mutate({ email: field("email"), password: field("password") });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-email`} className="text-sm font-medium">
          {t("auth.email")}
        </label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="username" required autoFocus className={INPUT} />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-password`} className="text-sm font-medium">
          {t("auth.password")}
        </label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required className={INPUT} />
      </div>
      {errorCode && (
        <p role="alert" data-testid="login-error" className="bg-danger/10 text-danger rounded-md px-3 py-2 text-sm">
          {describeError(errorCode, t, locale)}
        </p>
      )}
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending ? t("auth.submitting") : t("auth.submit")}
      </Button>
    </form>
  );
}
