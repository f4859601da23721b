import "server-only";

import { env } from "./env";
import { createPrismaClient, type Database } from "./prisma-client";

const globalForDb = globalThis as unknown as { pulseboardDb?: Database };

function getClient(): Database {
  if (globalForDb.pulseboardDb) return globalForDb.pulseboardDb;
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  return (globalForDb.pulseboardDb = createPrismaClient(env.DATABASE_URL));
}

/** For scripts that open their own database (embedded or not): server modules then use it too. */
export function bindDatabase(url: string): Database {
  return (globalForDb.pulseboardDb ??= createPrismaClient(url));
}

/**
 * The one Prisma client of the app process (kept across hot reloads). Created on
 * first use, so building the app or importing a module needs no database.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const client = getClient();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
