"use client";

import { useState, type FormEvent } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldClassName } from "@/components/ui/field";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";
import type { PasswordLink, UserListRow, UserUpdate } from "@/lib/users/types";
import { formText } from "@/lib/utils/form-text";

import { RoleUnitFields, unitFromForm, type UnitOption } from "./role-unit-fields";

/** One user's actions: edit (name, role, unit), deactivate or reactivate, and a one-time password link. */
export function UserRowActions({ user, units }: { user: UserListRow; units: UnitOption[] }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const update = useApiMutation({
    send: (body: UserUpdate) => sendEnvelope<UserListRow>({ url: `/api/v1/users/${user.id}`, method: "PATCH", body }),
    refresh: true,
    onSuccess: () => setEditing(false),
  });
  const link = useApiMutation({
    send: () => sendEnvelope<PasswordLink>({ url: `/api/v1/users/${user.id}/password-link` }),
    refresh: true,
  });

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({ name: formText(form, "name"), role: form.get("role") as UserUpdate["role"], businessUnit: unitFromForm(form) });
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-1.5">
        <Button size="sm" variant="outline" onClick={() => (update.reset(), setEditing(true))} data-testid="user-edit">
          {t("admin.users.edit")}
        </Button>
        <Button
          size="sm"
          variant={user.active ? "ghost" : "outline"}
          disabled={update.isPending}
          onClick={() => update.mutate({ active: !user.active })}
          data-testid={user.active ? "user-deactivate" : "user-reactivate"}
        >
          {user.active ? t("admin.users.deactivate") : t("admin.users.reactivate")}
        </Button>
        {user.active && (
          <Button size="sm" variant="ghost" disabled={link.isPending} onClick={() => link.mutate()} data-testid="user-password-link">
            {t("admin.users.passwordLink")}
          </Button>
        )}
      </div>
      {!editing && (update.errorMessage ?? link.errorMessage) && (
        <p role="alert" className="text-danger text-xs whitespace-normal" data-testid="user-action-error">
          {update.errorMessage ?? link.errorMessage}
        </p>
      )}

      <Dialog open={editing} onOpenChange={setEditing}>
        <DialogContent data-testid="edit-user-dialog">
          <DialogHeader>
            <DialogTitle>{t("admin.users.editTitle", { name: user.name })}</DialogTitle>
            <DialogDescription>{user.email}</DialogDescription>
          </DialogHeader>
          <form onSubmit={save} className="flex flex-col gap-3">
            <label className="flex flex-col gap-1 text-xs font-medium">
              <span className="text-muted-foreground">{t("admin.users.name")}</span>
              <input name="name" required maxLength={80} defaultValue={user.name} className={fieldClassName} />
            </label>
            <RoleUnitFields units={units} role={user.role} unit={user.businessUnit?.slug ?? null} />
            {update.errorMessage && (
              <p role="alert" className="text-danger text-sm" data-testid="edit-user-error">
                {update.errorMessage}
              </p>
            )}
            <DialogFooter>
              <Button type="submit" disabled={update.isPending} data-testid="edit-user-save">
                {t("admin.users.save")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>

      <Dialog open={link.isSuccess} onOpenChange={(open) => !open && link.reset()}>
        <DialogContent data-testid="password-link-dialog">
          <DialogHeader>
            <DialogTitle>{t("admin.users.linkTitle", { name: user.name })}</DialogTitle>
            <DialogDescription>{t("admin.users.linkReady", { email: user.email })}</DialogDescription>
          </DialogHeader>
          {link.data && <CopyField value={link.data.url} label={t("admin.users.passwordLink")} testId="password-link-url" />}
        </DialogContent>
      </Dialog>
    </div>
  );
}
