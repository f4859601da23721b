// Links that keep an audit view's filters (client-safe); the page cursor is added per link, never carried.
import { AUDIT_FILTER_KEYS, type AuditFilters } from "./audit-query";

export function auditLinks(filters: AuditFilters) {
  const base = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (filters[key]) base.set(key, filters[key]);
  return (path: string, extra: Record<string, string | number> = {}) => {
    const search = new URLSearchParams(base);
    for (const [key, value] of Object.entries(extra)) search.set(key, String(value));
    const query = search.toString();
    return query ? `${path}?${query}` : path;
  };
}
