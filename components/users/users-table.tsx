"use client";

import { useT } from "@/components/i18n/i18n-provider";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { isLocale, LOCALE_NAMES } from "@/lib/i18n/config";
import type { Role } from "@/lib/permissions";
import type { UserListRow } from "@/lib/users/types";

import type { UnitOption } from "./role-unit-fields";
import { UserRowActions } from "./user-row-actions";

const ROLE_TONES: Record<Role, BadgeTone> = { ADMIN: "danger", MANAGER: "warning", ANALYST: "info", VIEWER: "neutral" };

/** The admin's list of accounts with their actions; scrolls sideways on phones. */
export function UsersTable({ users, units }: { users: UserListRow[]; units: UnitOption[] }) {
  const t = useT();
  return (
    <DataTable
      testId="users-table"
      rows={users}
      rowKey={(user) => user.id}
      rowData={(user) => ({ "data-testid": "user-row", "data-email": user.email })}
      empty={t("admin.users.noMatch")}
      columns={[
        { key: "name", label: t("users.columns.name"), cell: (user) => user.name, className: "font-medium" },
        { key: "email", label: t("users.columns.email"), cell: (user) => user.email, className: "text-muted-foreground whitespace-normal" },
        {
          key: "role",
          label: t("users.columns.role"),
          cell: (user) => (
            <Badge tone={ROLE_TONES[user.role]} data-testid="user-row-role">
              {t(`roles.${user.role}`)}
            </Badge>
          ),
        },
        { key: "unit", label: t("users.columns.unit"), cell: (user) => user.businessUnit?.name ?? t("users.allUnits") },
        {
          key: "active",
          label: t("users.columns.active"),
          cell: (user) => (
            <span className="flex flex-wrap gap-1" data-testid="user-row-status">
              <Badge tone={user.active ? "success" : "neutral"}>{user.active ? t("users.active") : t("users.inactive")}</Badge>
              {user.invitationPending && <Badge tone="info">{t("admin.users.invitationPending")}</Badge>}
            </span>
          ),
        },
        {
          key: "locale",
          label: t("users.columns.locale"),
          cell: (user) => (isLocale(user.locale) ? LOCALE_NAMES[user.locale] : user.locale),
        },
        { key: "actions", label: t("admin.users.actions"), cell: (user) => <UserRowActions user={user} units={units} /> },
      ]}
    />
  );
}
