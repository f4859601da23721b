import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { isLocale, LOCALE_NAMES } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/server";
import type { Role } from "@/lib/permissions";
import type { UserListRow } from "@/lib/users/list-users";

const ROLE_TONES: Record<Role, BadgeTone> = { ADMIN: "danger", MANAGER: "warning", ANALYST: "info", VIEWER: "neutral" };

/** The admin's list of accounts; scrolls sideways on phones. */
export async function UsersTable({ users }: { users: UserListRow[] }) {
  const t = await getTranslator();
  return (
    <DataTable
      testId="users-table"
      rows={users}
      rowKey={(user) => user.id}
      rowData={() => ({ "data-testid": "user-row" })}
      columns={[
        { key: "name", label: t("users.columns.name"), cell: (user) => user.name, className: "font-medium" },
        { key: "email", label: t("users.columns.email"), cell: (user) => user.email, className: "text-muted-foreground whitespace-normal" },
        {
          key: "role",
          label: t("users.columns.role"),
          cell: (user) => <Badge tone={ROLE_TONES[user.role]}>{t(`roles.${user.role}`)}</Badge>,
        },
        { key: "unit", label: t("users.columns.unit"), cell: (user) => user.businessUnit?.name ?? t("users.allUnits") },
        {
          key: "active",
          label: t("users.columns.active"),
          cell: (user) => <Badge tone={user.active ? "success" : "neutral"}>{user.active ? t("users.active") : t("users.inactive")}</Badge>,
        },
        {
          key: "locale",
          label: t("users.columns.locale"),
          cell: (user) => (isLocale(user.locale) ? LOCALE_NAMES[user.locale] : user.locale),
        },
      ]}
    />
  );
}
