// Who may do what. Capabilities name the things that can be done; each maps to the roles
// that hold it. Pages, route handlers, realtime channels, the navigation and the API
// document all ask here: hiding a link is never the check, the gates are.
export const ROLES = ["ADMIN", "MANAGER", "ANALYST", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

const EVERYONE: readonly Role[] = ROLES;
const OPERATORS: readonly Role[] = ["ADMIN", "MANAGER", "ANALYST"];
const CONTROLLERS: readonly Role[] = ["ADMIN", "MANAGER"];
const ADMINS: readonly Role[] = ["ADMIN"];

/** Capability → roles. Business-unit scope is applied on top, in each query and channel. */
export const CAPABILITIES = {
  /** Overview, invoice stream, analytics and the API reference; live channels of those. */
  "dashboards.read": EVERYONE,
  "invoices.control": CONTROLLERS,
  "sales.explore": OPERATORS,
  /** CSV exports of analytics views and explorer searches. */
  "sales.export": OPERATORS,
  /** Run history, run logs and their live channels. */
  "pipeline.read": OPERATORS,
  /** Uploads, inbox runs and dry runs. */
  "pipeline.run": OPERATORS,
  "pipeline.sources.read": OPERATORS,
  "pipeline.sources.manage": ADMINS,
  /** Saving and removing named column mappings; a scoped MANAGER its unit's (scope in lib/pipeline/saved-mappings.ts). */
  "pipeline.mappings.manage": CONTROLLERS,
  "quarantine.review": OPERATORS,
  "notifications.manage": ADMINS,
  "status.read": OPERATORS,
  "admin.users": ADMINS,
  /** ADMIN reads every entry; a MANAGER its unit's (scope in the query). */
  "admin.audit": CONTROLLERS,
  "admin.tokens": ADMINS,
  "admin.shares": CONTROLLERS,
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(role: Role, capability: Capability): boolean {
  return CAPABILITIES[capability].includes(role);
}

export function rolesWith(capability: Capability): readonly Role[] {
  return CAPABILITIES[capability];
}

/** Pages by path (first matching prefix wins; "/" matches only itself) and what opening them takes. */
export const PAGE_CAPABILITIES: readonly { path: string; capability: Capability }[] = [
  { path: "/", capability: "dashboards.read" },
  { path: "/invoices", capability: "dashboards.read" },
  { path: "/analytics", capability: "dashboards.read" },
  { path: "/pipeline", capability: "pipeline.read" },
  { path: "/quarantine", capability: "quarantine.review" },
  { path: "/explorer", capability: "sales.explore" },
  { path: "/notifications", capability: "notifications.manage" },
  { path: "/admin/users", capability: "admin.users" },
  { path: "/admin/audit", capability: "admin.audit" },
  { path: "/admin/tokens", capability: "admin.tokens" },
  { path: "/admin/shares", capability: "admin.shares" },
  { path: "/status", capability: "status.read" },
  { path: "/api/docs", capability: "dashboards.read" },
  /** One's own name, language, theme, password and API tokens. */
  { path: "/account", capability: "dashboards.read" },
];

/** Whether `path` is the page `pattern` or one below it ("/" matches only itself). */
export function isPathWithin(pattern: string, path: string): boolean {
  return pattern === "/" ? path === "/" : path === pattern || path.startsWith(`${pattern}/`);
}

export function capabilityForPath(path: string): Capability | undefined {
  return PAGE_CAPABILITIES.find((entry) => isPathWithin(entry.path, path))?.capability;
}

export function canOpen(role: Role, path: string): boolean {
  const capability = capabilityForPath(path);
  return capability !== undefined && can(role, capability);
}

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  return role === "ANALYST" ? "/analytics" : "/";
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
