"use client";

import { UserPlus } from "lucide-react";
import { useState, type FormEvent } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { fieldClassName } from "@/components/ui/field";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";
import { ONBOARDING, type CreatedUser, type NewUser } from "@/lib/users/types";
import { formText } from "@/lib/utils/form-text";

import { RoleUnitFields, unitFromForm, type UnitOption } from "./role-unit-fields";

const LABEL = "flex flex-col gap-1 text-xs font-medium";

/** "New user": the form, then the invitation link or first password, shown once. */
export function CreateUserDialog({ units }: { units: UnitOption[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const create = useApiMutation({
    send: (body: NewUser) => sendEnvelope<CreatedUser>({ url: "/api/v1/users", body }),
    refresh: true,
  });
  const created = create.data;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name);
    create.mutate({
      name: text("name"),
      email: text("email"),
      role: text("role") as NewUser["role"],
      businessUnit: unitFromForm(form),
      onboarding: text("onboarding") as NewUser["onboarding"],
    });
  }

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) create.reset();
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button data-testid="create-user">
          <UserPlus aria-hidden />
          {t("admin.users.create")}
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="create-user-dialog">
        <DialogHeader>
          <DialogTitle>{t("admin.users.createTitle")}</DialogTitle>
          <DialogDescription>{t("admin.users.createDescription")}</DialogDescription>
        </DialogHeader>
        {created ? (
          <div className="flex flex-col gap-3" data-testid="created-user">
            <p className="text-sm">
              {created.invitation
                ? t("admin.users.invitationReady", { email: created.user.email })
                : t("admin.users.passwordReady", { email: created.user.email })}
            </p>
            <CopyField
              value={created.invitation?.url ?? created.initialPassword ?? ""}
              label={created.invitation ? t("admin.users.onboardings.invite") : t("admin.users.onboardings.password")}
              testId={created.invitation ? "invitation-url" : "initial-password"}
            />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>{t("admin.users.done")}</Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-3">
            <label className={LABEL}>
              <span className="text-muted-foreground">{t("admin.users.name")}</span>
              <input name="name" required maxLength={80} className={fieldClassName} data-testid="new-user-name" />
            </label>
            <label className={LABEL}>
              <span className="text-muted-foreground">{t("admin.users.email")}</span>
              <input name="email" type="email" required maxLength={254} className={fieldClassName} data-testid="new-user-email" />
            </label>
            <RoleUnitFields units={units} role="VIEWER" unit={null} />
            <label className={LABEL}>
              <span className="text-muted-foreground">{t("admin.users.onboarding")}</span>
              <select name="onboarding" defaultValue="invite" className={fieldClassName} data-testid="new-user-onboarding">
                {ONBOARDING.map((option) => (
                  <option key={option} value={option}>
                    {t(`admin.users.onboardings.${option}`)}
                  </option>
                ))}
              </select>
            </label>
            {create.errorMessage && (
              <p role="alert" className="text-danger text-sm" data-testid="create-user-error">
                {create.errorMessage}
              </p>
            )}
            <DialogFooter>
              <Button type="submit" disabled={create.isPending} data-testid="create-user-submit">
                {t("admin.users.submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
