"use client";

import { useState, type FormEvent } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { fieldClassName } from "@/components/ui/field";
import type { PasswordChange } from "@/lib/account/types";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/types";
import { formText } from "@/lib/utils/form-text";

const LABEL = "flex flex-col gap-1 text-xs font-medium";

/** Password change: the current password, then the new one twice. */
export function PasswordForm() {
  const t = useT();
  const [mismatch, setMismatch] = useState(false);
  const change = useApiMutation({
    send: (body: PasswordChange) => sendEnvelope({ url: "/api/v1/account/password", method: "PUT", body }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => formText(data, name);
    const differ = text("newPassword") !== text("confirmPassword");
    setMismatch(differ);
    if (differ) return;
    change.mutate({ currentPassword: text("currentPassword"), newPassword: text("newPassword") }, { onSuccess: () => form.reset() });
  }

  const error = mismatch ? t("admin.account.mismatch") : change.errorMessage;
  return (
    <form onSubmit={submit} className="flex max-w-xl flex-col gap-3" data-testid="password-form">
      <label className={LABEL}>
        <span className="text-muted-foreground">{t("admin.account.currentPassword")}</span>
        <input name="currentPassword" type="password" autoComplete="current-password" required className={fieldClassName} />
      </label>
      <label className={LABEL}>
        <span className="text-muted-foreground">{t("admin.account.newPassword")}</span>
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={200}
          className={fieldClassName}
        />
        <span className="text-muted-foreground font-normal">{t("admin.account.passwordHint", { min: PASSWORD_MIN_LENGTH })}</span>
      </label>
      <label className={LABEL}>
        <span className="text-muted-foreground">{t("admin.account.confirmPassword")}</span>
        <input name="confirmPassword" type="password" autoComplete="new-password" required maxLength={200} className={fieldClassName} />
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={change.isPending} data-testid="password-change">
          {t("admin.account.changePassword")}
        </Button>
        {change.isSuccess && <span className="text-success text-sm">{t("admin.account.passwordChanged")}</span>}
      </div>
      {error && (
        <p role="alert" className="text-danger text-sm" data-testid="password-error">
          {error}
        </p>
      )}
    </form>
  );
}
