import "server-only";

import { db } from "../server/db";
import type { UserListRow } from "./types";

export type { UserListRow };

/** Every user (an ADMIN-only view, so not scoped to a business unit), active ones first. */
export async function listUsers(): Promise<UserListRow[]> {
  const users = await db.user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      businessUnit: { select: { slug: true, name: true } },
      active: true,
      locale: true,
      createdAt: true,
    },
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
  return users.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() }));
}
