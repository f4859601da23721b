// A MANAGER sees only its unit: runs over realtime, the status page's facts, remote sources.
import { expect, test, type APIRequestContext } from "@playwright/test";

import { DEMO_USERS, signInByApi, withAppDatabase } from "../helpers/accounts";

const authorize = (request: APIRequestContext, channel: string) =>
  request.post("/api/realtime/auth", { form: { socket_id: "1234.5678", channel_name: channel } });

/** A finished run of `unit`, recorded as the pipeline records one. */
async function runOf(unit: string): Promise<number> {
  return withAppDatabase(async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO "PipelineRun" (source, "fileName", mapping, "dryRun", status, "businessUnitId", "finishedAt")
       SELECT 'UPLOAD', $1, '{}', false, 'SUCCEEDED', id, now() FROM "BusinessUnit" WHERE slug = $2 RETURNING id`,
      [`${unit}-secret-plan.csv`, unit],
    );
    return rows[0]!.id;
  });
}

test("the Orglight manager may follow its unit's runs, not Perfil's or the all-units channel", async ({ request }) => {
  const [own, other] = [await runOf("orglight"), await runOf("perfil")];
  await signInByApi(request, DEMO_USERS.MANAGER);
  for (const channel of [`private-pipeline-run-${own}`, "private-pipeline-bu-orglight"])
    expect((await authorize(request, channel)).status(), channel).toBe(200);
  for (const channel of [`private-pipeline-run-${other}`, "private-pipeline", "private-pipeline-bu-perfil", "presence-viewers"]) {
    const refused = await authorize(request, channel);
    expect(refused.status(), channel).toBe(403);
    expect((await refused.json()).error.code).toBe("FORBIDDEN");
  }
  const runs = (await (await request.get("/api/v1/pipeline/runs?limit=100")).json()).data as { id: number }[];
  expect(runs.map((run) => run.id)).toContain(own);
  expect(runs.map((run) => run.id)).not.toContain(other);
});

test("the manager's status names no other unit and no remote-source URL", async ({ request }) => {
  await signInByApi(request, DEMO_USERS.MANAGER);
  const status = JSON.stringify((await (await request.get("/api/v1/status")).json()).data);
  expect(status).toContain("orglight");
  expect(status).not.toMatch(/perfil/i);
  const system = JSON.stringify(await (await request.get("/api/system/status")).json());
  expect(system).not.toMatch(/perfil/i);
  const sources = await request.get("/api/v1/pipeline/sources");
  expect(sources.ok()).toBe(true);
  expect((await sources.json()).data).toEqual([]);
});
