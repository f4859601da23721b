// The two business units every file of sales names, for tests that start from an empty database.
import type { TestDatabase } from "./database";

export async function createBusinessUnits(db: TestDatabase["db"]): Promise<Record<string, { id: number; slug: string }>> {
  await db.businessUnit.createMany({
    data: [
      { slug: "orglight", name: "Orglight" },
      { slug: "perfil", name: "Perfil" },
    ],
  });
  return Object.fromEntries((await db.businessUnit.findMany()).map((unit) => [unit.slug, { id: unit.id, slug: unit.slug }]));
}
