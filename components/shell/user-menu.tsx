"use client";

import { ChevronDown, LogOut, Monitor, Moon, Sun, UserRound } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";

import { useT } from "@/components/i18n/i18n-provider";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { Role } from "@/lib/permissions";
import { THEMES, type Theme } from "@/lib/theme/config";
import { initials } from "@/lib/utils/initials";

import { useTheme } from "./theme-provider";

export interface ShellUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  businessUnitSlug: string | null;
}

const THEME_ICONS = { light: Sun, dark: Moon, system: Monitor } as const;

/** Who is signed in and with what reach, plus theme, language and sign-out. */
export function UserMenu({ user }: { user: ShellUser }) {
  const t = useT();
  const { theme, setTheme } = useTheme();
  const unit = user.businessUnitSlug?.replace(/^\w/, (letter) => letter.toUpperCase());
  const scope = unit ? t("userMenu.unit", { unit }) : t("userMenu.allUnits");

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        data-testid="user-menu-button"
        aria-label={t("userMenu.open")}
        className="hover:bg-muted focus-visible:ring-ring flex items-center gap-2 rounded-full p-1 pr-2 text-sm focus-visible:ring-2 focus-visible:outline-none"
      >
        <span aria-hidden className="bg-primary text-primary-foreground grid size-8 place-items-center rounded-full text-xs font-semibold">
          {initials(user.name)}
        </span>
        <span className="hidden max-w-40 truncate font-medium sm:inline">{user.name}</span>
        <ChevronDown aria-hidden className="text-muted-foreground size-4" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-72">
        <div className="px-2 py-2">
          <p className="truncate text-sm font-semibold">{user.name}</p>
          <p className="text-muted-foreground truncate text-xs">{user.email}</p>
          <p className="mt-2 text-xs">
            <span data-testid="user-role" data-role={user.role} className="font-medium">
              {t("userMenu.role", { role: t(`roles.${user.role}`) })}
            </span>
          </p>
          <p className="text-muted-foreground text-xs" data-testid="user-scope">
            {scope}
          </p>
        </div>
        <DropdownMenuItem asChild>
          <Link href="/account" data-testid="account-link">
            <UserRound aria-hidden />
            {t("admin.account.title")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>{t("userMenu.theme")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={theme} onValueChange={(value) => setTheme(value as Theme)} data-testid="theme-toggle">
          {THEMES.map((option) => {
            const Icon = THEME_ICONS[option];
            return (
              <DropdownMenuRadioItem
                key={option}
                value={option}
                data-testid={`theme-${option}`}
                onSelect={(event) => event.preventDefault()}
              >
                <Icon aria-hidden />
                {t(`userMenu.themes.${option}`)}
              </DropdownMenuRadioItem>
            );
          })}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <LocaleSwitcher className="px-2 py-1.5" />
        <DropdownMenuSeparator />
        <DropdownMenuItem data-testid="sign-out" onSelect={() => void signOut({ callbackUrl: "/login" })}>
          <LogOut aria-hidden />
          {t("userMenu.signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
