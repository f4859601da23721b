import type { KpiSnapshotPayload, KpiSnapshotView } from "./types";

export const KPI_EVENT = "kpis.updated";

interface StoredSnapshot {
  scope: string;
  version: number;
  computedAt: Date;
  stale: boolean;
  lastError: string | null;
  payload: unknown;
}

export function toSnapshotView(snapshot: StoredSnapshot): KpiSnapshotView {
  return {
    scope: snapshot.scope,
    version: snapshot.version,
    computedAt: snapshot.computedAt.toISOString(),
    stale: snapshot.stale,
    lastError: snapshot.lastError,
    payload: snapshot.payload as KpiSnapshotPayload,
  };
}
