import Link from "next/link";

import { Button, buttonClassName } from "@/components/ui/button";
import { fieldClassName } from "@/components/ui/field";
import { getTranslator } from "@/lib/i18n/server";
import { ROLES } from "@/lib/permissions";
import type { UserFilter } from "@/lib/users/types";

import type { UnitOption } from "./role-unit-fields";

const LABEL = "flex flex-col gap-1 text-xs font-medium";

/** Search and filters as a plain GET form: the filter lives in the URL, so it can be bookmarked. */
export async function UserFilters({ filter, units }: { filter: UserFilter; units: UnitOption[] }) {
  const t = await getTranslator();
  return (
    <form method="get" action="/admin/users" className="mb-4 flex flex-wrap items-end gap-3" data-testid="user-filters">
      <label className={`${LABEL} min-w-52 flex-1`}>
        <span className="text-muted-foreground">{t("admin.users.filters.search")}</span>
        <input name="q" type="search" defaultValue={filter.q ?? ""} maxLength={100} className={fieldClassName} data-testid="user-search" />
      </label>
      <label className={LABEL}>
        <span className="text-muted-foreground">{t("admin.users.filters.role")}</span>
        <select name="role" defaultValue={filter.role ?? ""} className={fieldClassName} data-testid="user-filter-role">
          <option value="">{t("admin.users.filters.anyRole")}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        <span className="text-muted-foreground">{t("admin.users.filters.unit")}</span>
        <select name="unit" defaultValue={filter.unit ?? ""} className={fieldClassName} data-testid="user-filter-unit">
          <option value="">{t("admin.users.filters.anyUnit")}</option>
          <option value="none">{t("admin.users.filters.noUnit")}</option>
          {units.map((unit) => (
            <option key={unit.slug} value={unit.slug}>
              {unit.name}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        <span className="text-muted-foreground">{t("admin.users.filters.status")}</span>
        <select name="active" defaultValue={filter.active ?? ""} className={fieldClassName} data-testid="user-filter-active">
          <option value="">{t("admin.users.filters.anyStatus")}</option>
          <option value="true">{t("users.active")}</option>
          <option value="false">{t("users.inactive")}</option>
        </select>
      </label>
      <Button type="submit" variant="outline" data-testid="user-filter-apply">
        {t("admin.users.filters.apply")}
      </Button>
      <Link href="/admin/users" className={buttonClassName({ variant: "ghost" })}>
        {t("admin.users.filters.clear")}
      </Link>
    </form>
  );
}
