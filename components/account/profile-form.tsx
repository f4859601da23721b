"use client";

import type { FormEvent } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { fieldClassName } from "@/components/ui/field";
import type { Account } from "@/lib/account/types";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";
import { formText } from "@/lib/utils/form-text";

const LABEL = "flex flex-col gap-1 text-xs font-medium";

/** The account's name (editable) beside what only an admin changes: email, role and unit. */
export function ProfileForm({ account, unitName }: { account: Account; unitName: string | null }) {
  const t = useT();
  // The refresh re-renders the shell, so the user menu shows the new name too.
  const rename = useApiMutation({
    send: (name: string) => sendEnvelope<Account>({ url: "/api/v1/account", method: "PATCH", body: { name } }),
    refresh: true,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.mutate(formText(new FormData(event.currentTarget), "name"));
  }

  return (
    <form onSubmit={submit} className="flex max-w-xl flex-col gap-3" data-testid="profile-form">
      <label className={LABEL}>
        <span className="text-muted-foreground">{t("admin.account.name")}</span>
        <input name="name" required maxLength={80} defaultValue={account.name} className={fieldClassName} data-testid="account-name" />
      </label>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">{t("admin.account.email")}</dt>
        <dd className="break-all">{account.email}</dd>
        <dt className="text-muted-foreground">{t("admin.account.role")}</dt>
        <dd data-testid="account-role">{t(`roles.${account.role}`)}</dd>
        <dt className="text-muted-foreground">{t("admin.account.unit")}</dt>
        <dd data-testid="account-unit">{unitName ?? t("admin.account.allUnits")}</dd>
      </dl>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={rename.isPending} data-testid="account-save-name">
          {t("admin.account.saveName")}
        </Button>
        {rename.isSuccess && <span className="text-success text-sm">{t("admin.account.saved")}</span>}
      </div>
      {rename.errorMessage && (
        <p role="alert" className="text-danger text-sm">
          {rename.errorMessage}
        </p>
      )}
    </form>
  );
}
