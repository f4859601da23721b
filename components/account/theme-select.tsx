"use client";

import { useId } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { useTheme } from "@/components/shell/theme-provider";
import { fieldClassName } from "@/components/ui/field";
import { THEMES, type Theme } from "@/lib/theme/config";

/** The theme as a plain select, for the account page (the user menu has the same choice as radio items). */
export function ThemeSelect() {
  const t = useT();
  const { theme, setTheme } = useTheme();
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-muted-foreground text-xs font-medium">
        {t("admin.account.theme")}
      </label>
      <select
        id={id}
        value={theme}
        onChange={(event) => setTheme(event.target.value as Theme)}
        className={fieldClassName}
        data-testid="account-theme"
      >
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {t(`userMenu.themes.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
