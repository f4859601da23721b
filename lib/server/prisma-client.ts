// Builds a Prisma client on the pg driver adapter. The app keeps one on globalThis
// (lib/server/db.ts); scripts and tests build their own for a given URL.
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "../generated/prisma/client";

export function createPrismaClient(databaseUrl: string, poolSize = 10) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }),
    // Password hashes never leave the database unless a query asks for them.
    omit: { user: { passwordHash: true } },
  });
}

export type Database = ReturnType<typeof createPrismaClient>;
