"use client";

import { useState } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { fieldClassName } from "@/components/ui/field";
import { ROLES, type Role } from "@/lib/permissions";
import { UNIT_RULES } from "@/lib/users/types";

export interface UnitOption {
  slug: string;
  name: string;
}

const LABEL = "flex flex-col gap-1 text-xs font-medium";

/** Role and business-unit selects: the unit is required for a MANAGER and not offered to an ADMIN. */
export function RoleUnitFields({ units, role: initialRole, unit }: { units: UnitOption[]; role: Role; unit: string | null }) {
  const t = useT();
  const [role, setRole] = useState<Role>(initialRole);
  const rule = UNIT_RULES[role];
  return (
    <>
      <label className={LABEL}>
        <span className="text-muted-foreground">{t("admin.users.role")}</span>
        <select
          name="role"
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          className={fieldClassName}
          data-testid="user-role-select"
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`roles.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        <span className="text-muted-foreground">{t("admin.users.unit")}</span>
        <select
          name="businessUnit"
          defaultValue={unit ?? ""}
          key={rule}
          disabled={rule === "refused"}
          required={rule === "required"}
          className={fieldClassName}
          data-testid="user-unit-select"
        >
          {rule !== "required" && <option value="">{t("admin.users.noUnit")}</option>}
          {units.map((option) => (
            <option key={option.slug} value={option.slug}>
              {option.name}
            </option>
          ))}
        </select>
        <span className="text-muted-foreground font-normal">{t("admin.users.unitHint")}</span>
      </label>
    </>
  );
}

/** The unit a submitted form names: null for "all units" or when the role takes none. */
export function unitFromForm(form: FormData): string | null {
  const value = form.get("businessUnit");
  return typeof value === "string" && value !== "" ? value : null;
}
