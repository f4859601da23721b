// Who may open what (PRODUCT §1 and §3). Shared by the server gates and the
// navigation; the navigation only hides links, the gates are the check.
export const ROLES = ["ADMIN", "MANAGER", "ANALYST", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

const EVERYONE: readonly Role[] = ROLES;
const OPERATORS: readonly Role[] = ["ADMIN", "MANAGER", "ANALYST"];
const ADMINS: readonly Role[] = ["ADMIN"];

/** Page paths (first matching prefix wins; "/" matches only itself). */
export const PAGE_ROLES: readonly { path: string; roles: readonly Role[] }[] = [
  { path: "/", roles: EVERYONE },
  { path: "/invoices", roles: EVERYONE },
  { path: "/analytics", roles: EVERYONE },
  { path: "/pipeline", roles: OPERATORS },
  { path: "/quarantine", roles: OPERATORS },
  { path: "/explorer", roles: OPERATORS },
  { path: "/notifications", roles: ADMINS },
  { path: "/admin/users", roles: ADMINS },
  { path: "/admin/audit", roles: ADMINS },
  { path: "/admin/tokens", roles: ADMINS },
  { path: "/admin/shares", roles: ["ADMIN", "MANAGER"] },
  { path: "/status", roles: OPERATORS },
  { path: "/api/docs", roles: EVERYONE },
];

function matches(pattern: string, path: string): boolean {
  return pattern === "/" ? path === "/" : path === pattern || path.startsWith(`${pattern}/`);
}

export function rolesForPath(path: string): readonly Role[] | undefined {
  return PAGE_ROLES.find((entry) => matches(entry.path, path))?.roles;
}

export function canOpen(role: Role, path: string): boolean {
  return rolesForPath(path)?.includes(role) ?? false;
}

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  return role === "ANALYST" ? "/analytics" : "/";
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
