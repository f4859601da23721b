import type { ReactNode } from "react";

import { NoticeBell } from "@/components/notices/notice-bell";
import { TimeZoneNote } from "@/components/time/business-clock";

import { Brand } from "./brand";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { UserMenu, type ShellUser } from "./user-menu";

/** Sidebar from 768 px up; below it a top bar whose menu button opens the same navigation as a drawer. */
export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh">
      <aside
        data-shell
        className="border-border bg-sidebar sticky top-0 hidden h-dvh w-60 shrink-0 flex-col gap-6 overflow-y-auto border-r px-3 py-4 md:flex"
      >
        <div className="px-3">
          <Brand />
        </div>
        <NavLinks role={user.role} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header
          data-shell
          className="border-border bg-background/85 sticky top-0 z-30 flex h-14 items-center gap-2 border-b px-3 backdrop-blur sm:px-6"
        >
          <MobileNav role={user.role} />
          <div className="md:hidden">
            <Brand />
          </div>
          <div className="ml-auto flex items-center gap-1">
            <TimeZoneNote className="text-muted-foreground px-2 text-xs whitespace-nowrap" />
            <NoticeBell userId={user.id} />
            <UserMenu user={user} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
