// The demo company with its users as the gates see them, plus a manager scoped to Perfil, for tests that
// act as each role. Needs lib/server/db mocked to `database`.
import { seedDemoData } from "../../lib/seed/seed-demo-data";
import { loadSessionUser, type SessionUser } from "../../lib/server/auth/session-user";
import type { TestDatabase } from "./database";

export interface DemoPeople {
  units: { orglight: number; perfil: number };
  admin: SessionUser;
  /** The demo manager, scoped to Orglight. */
  orglight: SessionUser;
  perfil: SessionUser;
  analyst: SessionUser;
}

export async function seedDemoPeople({ db, url }: TestDatabase, lines = 3_000): Promise<DemoPeople> {
  await seedDemoData(url, { lines, now: new Date() });
  const unitId = async (slug: string) => (await db.businessUnit.findUniqueOrThrow({ where: { slug } })).id;
  const units = { orglight: await unitId("orglight"), perfil: await unitId("perfil") };
  await db.user.create({
    data: {
      email: "perfil-manager@pulseboard.local",
      name: "Pia Perfil",
      role: "MANAGER",
      businessUnitId: units.perfil,
      passwordHash: "x",
    },
  });
  const byEmail = async (email: string) => (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { email } })).id))!;
  return {
    units,
    admin: await byEmail("admin@pulseboard.local"),
    orglight: await byEmail("manager@pulseboard.local"),
    perfil: await byEmail("perfil-manager@pulseboard.local"),
    analyst: await byEmail("analyst@pulseboard.local"),
  };
}
