import { describe, expect, it } from "vitest";

import { diffDatabaseToSchema, diffMigrationsToSchema, readMigrations } from "../scripts/lib/schema-engine";
import { createTestDatabase } from "./helpers/database";

describe("migrations", () => {
  it("are stored in Prisma's folder layout with a lock file", async () => {
    const migrations = await readMigrations();
    expect(migrations.lockfile.content).toContain('provider = "postgresql"');
    expect(migrations.migrationDirectories.length).toBeGreaterThan(0);
    for (const directory of migrations.migrationDirectories) expect(directory.path).toMatch(/^\d{14}_\w+$/);
  });

  it("leave a migrated database with no drift from schema.prisma", async () => {
    const { url } = await createTestDatabase();
    expect(await diffDatabaseToSchema(url)).toBe("");
  });

  it("replayed from scratch reach schema.prisma", async () => {
    const { url } = await createTestDatabase();
    expect(await diffMigrationsToSchema(url)).toBe("");
  });

  it("record Prisma's history table so `prisma migrate deploy` agrees", async () => {
    const { db } = await createTestDatabase();
    const rows = await db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations`;
    const { migrationDirectories } = await readMigrations();
    expect(rows.map((row) => row.migration_name).sort()).toEqual(migrationDirectories.map((d) => d.path));
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });
});
