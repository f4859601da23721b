import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isLocale, LOCALE_NAMES } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/server";
import type { Role } from "@/lib/permissions";
import type { UserListRow } from "@/lib/users/list-users";

const ROLE_TONES: Record<Role, BadgeTone> = { ADMIN: "danger", MANAGER: "warning", ANALYST: "info", VIEWER: "neutral" };

/** The admin's list of accounts; scrolls sideways on phones. */
export async function UsersTable({ users }: { users: UserListRow[] }) {
  const t = await getTranslator();
  return (
    <Table data-testid="users-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("users.columns.name")}</TableHead>
          <TableHead>{t("users.columns.email")}</TableHead>
          <TableHead>{t("users.columns.role")}</TableHead>
          <TableHead>{t("users.columns.unit")}</TableHead>
          <TableHead>{t("users.columns.active")}</TableHead>
          <TableHead>{t("users.columns.locale")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {users.map((user) => (
          <TableRow key={user.id} data-testid="user-row">
            <TableCell className="font-medium whitespace-nowrap">{user.name}</TableCell>
            <TableCell className="text-muted-foreground">{user.email}</TableCell>
            <TableCell>
              <Badge tone={ROLE_TONES[user.role]}>{t(`roles.${user.role}`)}</Badge>
            </TableCell>
            <TableCell className="whitespace-nowrap">{user.businessUnit?.name ?? t("users.allUnits")}</TableCell>
            <TableCell>
              <Badge tone={user.active ? "success" : "neutral"}>{user.active ? t("users.active") : t("users.inactive")}</Badge>
            </TableCell>
            <TableCell className="whitespace-nowrap">{isLocale(user.locale) ? LOCALE_NAMES[user.locale] : user.locale}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
