import "server-only";

import { createNoticesSafely, usersInScope } from "./create-notices";

/**
 * Tells the ADMINs who see a KPI scope that its numbers went stale. Called when a refresh fails on a
 * snapshot that was fresh: the key names that snapshot, so one stale episode makes one notice each.
 */
export function noticeKpisStale(scope: { key: string; businessUnitId: number | null }, version: number, error: string) {
  return createNoticesSafely(`stale KPIs of ${scope.key}`, async () => {
    const admins = await usersInScope(["ADMIN"], scope.businessUnitId);
    return admins.map((admin) => ({
      userId: admin.id,
      kind: "KPIS_STALE" as const,
      params: { scope: scope.key, error: error.slice(0, 300) },
      link: "/status",
      dedupeKey: `kpis-stale:${scope.key}:${version}`,
    }));
  });
}
