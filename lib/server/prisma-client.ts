// Builds a Prisma client on the pg driver adapter. The app keeps one on globalThis
// (lib/server/db.ts); scripts and tests build their own for a given URL.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "../generated/prisma/client";
import { limitedPoolConfig } from "./session-limits";

export function createPrismaClient(databaseUrl: string, poolSize = 10) {
  // Limits set by SQL on each new connection, not as startup parameters, which poolers such as
  // PgBouncer refuse.
  const pool = new pg.Pool(limitedPoolConfig({ connectionString: databaseUrl, max: poolSize }));
  return new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Password hashes never leave the database unless a query asks for them.
    omit: { user: { passwordHash: true } },
  });
}

export type Database = ReturnType<typeof createPrismaClient>;
