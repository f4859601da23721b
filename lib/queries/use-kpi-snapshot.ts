"use client";

import { KPI_EVENT } from "../kpis/snapshot-view";
import type { KpiSnapshotView } from "../kpis/types";
import { useLiveQuery } from "../realtime/use-live-query";
import { useOverviewSource } from "./overview-source";

/** The KPI snapshot of a scope: seeded by the server render, replaced by each broadcast. */
export function useKpiSnapshot({ initial, scope, channel }: { initial: KpiSnapshotView; scope: string; channel: string }) {
  const source = useOverviewSource();
  return useLiveQuery<KpiSnapshotView>({
    queryKey: ["kpis", scope],
    queryFn: () => source.kpis(scope),
    initialData: initial,
    channel,
    event: KPI_EVENT,
    // A snapshot is whole: an older version never replaces a newer one.
    apply: (current, payload) => {
      const next = payload as KpiSnapshotView;
      return current && current.version > next.version ? current : next;
    },
  });
}
