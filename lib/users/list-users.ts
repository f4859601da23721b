import "server-only";

import type { Role } from "../permissions";
import { db } from "../server/db";

/** One user as the admin table and `GET /api/v1/users` show it: never the password hash. */
export interface UserListRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  businessUnit: { slug: string; name: string } | null;
  active: boolean;
  locale: string;
  createdAt: Date;
}

/** Every user (an ADMIN-only view, so not scoped to a business unit), active ones first. */
export async function listUsers(): Promise<UserListRow[]> {
  return db.user.findMany({
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
}
