import "server-only";

import { resolveKpiScope } from "../kpis/get-snapshot";
import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { env } from "../server/env";
import { AppError } from "../server/errors";
import { businessDate } from "../time/business-time";
import { autoGrain, previousRange, resolveRange, type AnalyticsFilters, type DateRange, type Grain } from "./filters";
import type { AnalyticsMeta } from "./types";

/** Everything a report query needs: the caller's effective scope and the ranges, already validated. */
export interface AnalyticsQuery {
  range: DateRange;
  previous: DateRange;
  grain: Grain;
  unitKey: string;
  businessUnitId: number | null;
  branchId: number | null;
}

/** Applies the KPI scope rule (a scoped user sees only its unit) and checks the branch exists. */
export async function resolveAnalyticsQuery(user: SessionUser, filters: AnalyticsFilters, now = new Date()): Promise<AnalyticsQuery> {
  const scope = await resolveKpiScope(user, filters.unit);
  const [unit, branch] = await Promise.all([
    scope.key === "all" ? null : db.businessUnit.findUnique({ where: { slug: scope.key }, select: { id: true } }),
    filters.branch === undefined ? null : db.branch.findUnique({ where: { id: filters.branch }, select: { id: true } }),
  ]);
  if (filters.branch !== undefined && !branch) throw new AppError(422, "VALIDATION_FAILED", `Unknown branch ${filters.branch}.`);
  const range = resolveRange(filters, businessDate(now));
  return {
    range,
    previous: previousRange(range),
    grain: filters.grain ?? autoGrain(range),
    unitKey: scope.key,
    businessUnitId: unit?.id ?? null,
    branchId: branch?.id ?? null,
  };
}

export function toMeta(query: AnalyticsQuery): AnalyticsMeta {
  return { range: query.range, previous: query.previous, unit: query.unitKey, branch: query.branchId, currency: env.CURRENCY };
}
