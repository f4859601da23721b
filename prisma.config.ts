import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (generate, and `migrate deploy` where the native
// engine can be downloaded, e.g. on Vercel). Locally scripts/migrate.ts applies migrations.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:54329/pulseboard" },
});
