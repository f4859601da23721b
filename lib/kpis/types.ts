// The KPI snapshot as stored, broadcast and rendered (client-safe: no server imports).
/** Sums of sales over a period. Money as decimal strings: exact, and JSON-safe. */
export interface SalesTotals {
  revenue: string;
  cost: string;
  profit: string;
  orders: number;
  lines: number;
  quantity: number;
}

export interface PeriodComparison {
  current: SalesTotals;
  /** The same span of time one day (or month) earlier, up to the same clock time. */
  previous: SalesTotals;
}

export interface KpiSnapshotPayload {
  scope: string;
  asOf: string;
  timeZone: string;
  currency: string;
  today: PeriodComparison;
  monthToDate: PeriodComparison;
  units: { slug: string; name: string; revenueToday: string; revenueMonthToDate: string }[];
  /** Revenue per local hour, today against yesterday. */
  hourly: { hour: number; today: string; yesterday: string }[];
  topBranches: { id: number; name: string; region: string; revenue: string; profit: string }[];
  regions: { code: string; name: string; counties: string[]; revenue: string }[];
  categories: { category: string; revenue: string }[];
}

export interface KpiSnapshotView {
  scope: string;
  version: number;
  computedAt: string;
  stale: boolean;
  lastError: string | null;
  payload: KpiSnapshotPayload;
}
