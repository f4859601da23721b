import "server-only";

import { createPrismaClient, type Database } from "../database/client";
import { env } from "../env";

const globalForDb = globalThis as unknown as { pulseboardDb?: Database };

function createAppClient(): Database {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  return createPrismaClient(env.DATABASE_URL);
}

/** The one Prisma client of the app process (kept across hot reloads). */
export const db: Database = (globalForDb.pulseboardDb ??= createAppClient());
