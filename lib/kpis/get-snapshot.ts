import "server-only";

import { scopedChannel } from "../realtime/channels";
import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { AppError, forbiddenError } from "../server/errors";
import { refreshKpiSnapshots } from "./refresh-snapshots";
import { toSnapshotView } from "./snapshot-view";
import type { KpiSnapshotView } from "./types";

export interface ResolvedKpiScope {
  key: string;
  channel: string;
  /** null for the all-units scope. */
  businessUnitId: number | null;
}

/** The scope a user sees: its own unit when scoped (asking for another is refused), else the one asked for. */
export async function resolveKpiScope(user: SessionUser, requested?: string | null): Promise<ResolvedKpiScope> {
  if (user.businessUnitSlug) {
    if (requested && requested !== user.businessUnitSlug) throw forbiddenError("Your account sees only its own business unit.");
    return { key: user.businessUnitSlug, channel: scopedChannel("kpis", user.businessUnitSlug), businessUnitId: user.businessUnitId };
  }
  if (!requested || requested === "all") return { key: "all", channel: scopedChannel("kpis", null), businessUnitId: null };
  const unit = await db.businessUnit.findUnique({ where: { slug: requested }, select: { id: true, slug: true } });
  if (!unit) throw new AppError(422, "VALIDATION_FAILED", `Unknown business unit "${requested}".`);
  return { key: unit.slug, channel: scopedChannel("kpis", unit.slug), businessUnitId: unit.id };
}

/** The latest stored snapshot of a scope; computed on the spot before the first scheduled run. */
export async function getKpiSnapshot(scopeKey: string): Promise<KpiSnapshotView> {
  const find = () => db.kpiSnapshot.findFirst({ where: { scope: scopeKey }, orderBy: { version: "desc" } });
  let snapshot = await find();
  if (!snapshot) {
    await refreshKpiSnapshots();
    snapshot = await find();
  }
  if (!snapshot) throw new AppError(503, "KPIS_UNAVAILABLE", "KPIs could not be computed yet. Try again in a moment.");
  return toSnapshotView(snapshot);
}
