// The four demo accounts, one per role, sharing DEMO_PASSWORD; the manager is scoped to one unit.
import { randomUUID } from "node:crypto";

import bcrypt from "bcryptjs";
import type pg from "pg";

export const DEMO_USERS = [
  { email: "admin@pulseboard.local", name: "Ada Admin", role: "ADMIN", businessUnit: null },
  { email: "manager@pulseboard.local", name: "Max Manager", role: "MANAGER", businessUnit: "orglight" },
  { email: "analyst@pulseboard.local", name: "Ana Analyst", role: "ANALYST", businessUnit: null },
  { email: "viewer@pulseboard.local", name: "Vic Viewer", role: "VIEWER", businessUnit: null },
] as const;

const BCRYPT_COST = 10;

/** Inserts the demo users; an account that already exists under that email is left alone. */
export async function insertDemoUsers(client: pg.ClientBase, password: string, businessUnitIds: Map<string, number>): Promise<number> {
  const hashes = await Promise.all(DEMO_USERS.map(() => bcrypt.hash(password, BCRYPT_COST)));
  let inserted = 0;
  for (const [index, user] of DEMO_USERS.entries()) {
    const businessUnitId = user.businessUnit ? (businessUnitIds.get(user.businessUnit) ?? null) : null;
    // Prisma generates cuid ids client-side; any unique string is valid for the column.
    const result = await client.query(
      `INSERT INTO "User" (id, email, name, role, "businessUnitId", locale, "passwordHash", "updatedAt")
       VALUES ($1, $2, $3, $4::"Role", $5, 'en', $6, now())
       ON CONFLICT (email) DO NOTHING`,
      [randomUUID(), user.email, user.name, user.role, businessUnitId, hashes[index]],
    );
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}
