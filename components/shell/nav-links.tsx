"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { useT } from "@/components/i18n/i18n-provider";
import { isPathWithin, type Role } from "@/lib/permissions";
import { cn } from "@/lib/utils/cn";

import { navGroupsFor } from "./nav-items";

/** The navigation list shared by the desktop sidebar and the phone drawer. */
export function NavLinks({ role, onNavigate }: { role: Role; onNavigate?: () => void }) {
  const t = useT();
  const pathname = usePathname();
  return (
    <nav aria-label={t("nav.title")} data-testid="nav" className="flex flex-col gap-5">
      {navGroupsFor(role).map((group) => (
        <div key={group.label}>
          <p className="text-muted-foreground mb-1 px-3 text-[11px] font-semibold tracking-wider uppercase">{t(group.label)}</p>
          <ul className="flex flex-col gap-0.5">
            {group.items.map(({ href, label, icon: Icon }) => {
              const active = isPathWithin(href, pathname);
              return (
                <li key={href}>
                  <Link
                    href={href}
                    onClick={onNavigate}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
                      "focus-visible:ring-ring focus-visible:ring-2 focus-visible:outline-none",
                      active ? "bg-primary/10 text-primary" : "text-muted-foreground hover:bg-muted hover:text-foreground",
                    )}
                  >
                    <Icon aria-hidden className="size-4 shrink-0" />
                    {t(label)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
