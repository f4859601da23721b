import "server-only";

import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";

export interface FilterOptions {
  /** Empty for a user scoped to one unit: there is nothing to choose. */
  units: { slug: string; name: string }[];
  branches: { id: number; name: string }[];
}

/** The units a user may switch between; none for a user scoped to one. */
export async function listSwitchableUnits(user: SessionUser): Promise<FilterOptions["units"]> {
  if (user.businessUnitSlug) return [];
  return db.businessUnit.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

export async function getFilterOptions(user: SessionUser): Promise<FilterOptions> {
  const [units, branches] = await Promise.all([
    listSwitchableUnits(user),
    db.branch.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { units, branches };
}
