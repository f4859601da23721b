"use client";

import { Menu } from "lucide-react";
import { useState } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { Role } from "@/lib/permissions";

import { NavLinks } from "./nav-links";

/** Below 768 px the sidebar becomes this drawer, opened from the top bar. */
export function MobileNav({ role }: { role: Role }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label={t("nav.openMenu")} data-testid="mobile-menu-button">
          <Menu aria-hidden />
        </Button>
      </DialogTrigger>
      <DialogContent placement="left" aria-describedby={undefined} className="overflow-y-auto">
        <DialogTitle className="px-3 text-base">{t("nav.title")}</DialogTitle>
        <NavLinks role={role} onNavigate={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
