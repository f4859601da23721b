import "server-only";

import type { Prisma } from "../generated/prisma/client";
import { db } from "../server/db";
import type { UserFilter, UserListRow } from "./types";

export type { UserListRow };

export const userRowSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  businessUnit: { select: { slug: true, name: true } },
  active: true,
  locale: true,
  createdAt: true,
  passwordTokens: { where: { purpose: "INVITE", usedAt: null }, select: { id: true }, take: 1 },
} satisfies Prisma.UserSelect;

type UserRecord = Prisma.UserGetPayload<{ select: typeof userRowSelect }>;

export function toUserRow(user: UserRecord): UserListRow {
  const { id, name, email, role, businessUnit, active, locale } = user;
  return {
    id,
    name,
    email,
    role,
    businessUnit,
    active,
    locale,
    invitationPending: user.passwordTokens.length > 0,
    createdAt: user.createdAt.toISOString(),
  };
}

function whereOf(filter: UserFilter): Prisma.UserWhereInput {
  return {
    ...(filter.q
      ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { email: { contains: filter.q, mode: "insensitive" } }] }
      : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.unit ? (filter.unit === "none" ? { businessUnitId: null } : { businessUnit: { slug: filter.unit } }) : {}),
    ...(filter.active ? { active: filter.active === "true" } : {}),
  };
}

/** The users matching `filter` (an ADMIN-only view, so not scoped to a business unit), active ones first. */
export async function listUsers(filter: UserFilter = {}): Promise<UserListRow[]> {
  const users = await db.user.findMany({
    where: whereOf(filter),
    select: userRowSelect,
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
  return users.map(toUserRow);
}

/** The units a user may be scoped to, for the admin's forms and filters. */
export function listUnitOptions(): Promise<{ slug: string; name: string }[]> {
  return db.businessUnit.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}
