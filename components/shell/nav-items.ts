import {
  Activity,
  Bell,
  BookOpen,
  ChartLine,
  KeyRound,
  LayoutDashboard,
  ReceiptText,
  ScrollText,
  Share2,
  ShieldAlert,
  Table2,
  Users,
  Workflow,
  type LucideIcon,
} from "lucide-react";

import type { MessageKey } from "@/lib/i18n/translate";
import { canOpen, type Role } from "@/lib/permissions";

export interface NavItem {
  href: string;
  label: MessageKey;
  icon: LucideIcon;
}

export interface NavGroup {
  label: MessageKey;
  items: readonly NavItem[];
}

const NAV_GROUPS: readonly NavGroup[] = [
  {
    label: "nav.groups.monitor",
    items: [
      { href: "/", label: "nav.items.overview", icon: LayoutDashboard },
      { href: "/invoices", label: "nav.items.invoices", icon: ReceiptText },
      { href: "/analytics", label: "nav.items.analytics", icon: ChartLine },
    ],
  },
  {
    label: "nav.groups.data",
    items: [
      { href: "/pipeline", label: "nav.items.pipeline", icon: Workflow },
      { href: "/quarantine", label: "nav.items.quarantine", icon: ShieldAlert },
      { href: "/explorer", label: "nav.items.explorer", icon: Table2 },
    ],
  },
  {
    label: "nav.groups.admin",
    items: [
      { href: "/notifications", label: "nav.items.notifications", icon: Bell },
      { href: "/admin/users", label: "nav.items.users", icon: Users },
      { href: "/admin/audit", label: "nav.items.audit", icon: ScrollText },
      { href: "/admin/tokens", label: "nav.items.tokens", icon: KeyRound },
      { href: "/admin/shares", label: "nav.items.shares", icon: Share2 },
    ],
  },
  {
    label: "nav.groups.system",
    items: [
      { href: "/status", label: "nav.items.status", icon: Activity },
      { href: "/api/docs", label: "nav.items.apiDocs", icon: BookOpen },
    ],
  },
];

/** The links a role may follow, grouped; empty groups are dropped. Hiding is cosmetic: pages check again. */
export function navGroupsFor(role: Role): NavGroup[] {
  return NAV_GROUPS.map((group) => ({ ...group, items: group.items.filter((item) => canOpen(role, item.href)) })).filter(
    (group) => group.items.length > 0,
  );
}
