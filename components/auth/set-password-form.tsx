"use client";

import Link from "next/link";
import { useId, useState, type FormEvent } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button, buttonClassName } from "@/components/ui/button";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/types";
import { formText } from "@/lib/utils/form-text";

const INPUT =
  "border-border bg-card focus-visible:ring-ring h-10 w-full rounded-md border px-3 text-sm shadow-sm focus-visible:ring-2 focus-visible:outline-none";

/** Choosing a password from an invitation or reset link; afterwards, the way to sign in. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useT();
  const id = useId();
  const [mismatch, setMismatch] = useState(false);
  const save = useApiMutation({
    send: (password: string) => sendEnvelope<{ email: string }>({ url: "/api/v1/set-password", body: { token, password } }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [password, confirm] = [formText(form, "password"), formText(form, "confirm")];
    setMismatch(password !== confirm);
    if (password === confirm) save.mutate(password);
  }

  if (save.isSuccess) {
    return (
      <div className="flex flex-col gap-4" data-testid="password-set">
        <p className="text-sm">{t("admin.setPassword.done", { email })}</p>
        <Link href="/login" className={buttonClassName({ size: "lg", className: "w-full" })} data-testid="set-password-sign-in">
          {t("admin.setPassword.signIn")}
        </Link>
      </div>
    );
  }

  const error = mismatch ? t("admin.account.mismatch") : save.errorMessage;
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" data-testid="set-password-form">
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-password`} className="text-sm font-medium">
          {t("admin.setPassword.password")}
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={200}
          autoFocus
          className={INPUT}
          data-testid="new-password"
        />
        <span className="text-muted-foreground text-xs">{t("admin.account.passwordHint", { min: PASSWORD_MIN_LENGTH })}</span>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-confirm`} className="text-sm font-medium">
          {t("admin.setPassword.confirm")}
        </label>
        <input
          id={`${id}-confirm`}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          maxLength={200}
          className={INPUT}
          data-testid="confirm-password"
        />
      </div>
      {error && (
        <p role="alert" className="bg-danger/10 text-danger rounded-md px-3 py-2 text-sm" data-testid="set-password-error">
          {error}
        </p>
      )}
      <Button type="submit" size="lg" disabled={save.isPending} className="w-full" data-testid="set-password-submit">
        {save.isPending ? t("admin.setPassword.submitting") : t("admin.setPassword.submit")}
      </Button>
    </form>
  );
}
