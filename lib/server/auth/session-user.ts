import "server-only";

import type { Role } from "../../permissions";
import { db } from "../db";

/** The signed-in user as every gate sees it, always read fresh from the database. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  businessUnitId: number | null;
  businessUnitSlug: string | null;
  locale: string;
}

/** Re-reads the user so a deactivation or role change takes effect at once. */
export async function loadSessionUser(userId: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { businessUnit: { select: { slug: true } } } });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    businessUnitId: user.businessUnitId,
    businessUnitSlug: user.businessUnit?.slug ?? null,
    locale: user.locale,
  };
}
