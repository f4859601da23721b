// A preview build must not migrate or seed the production database; a preview branch copied
// from production (same marker row, another host) is recognised as a copy and re-marked.
import { describe, expect, it } from "vitest";

import { databaseHostOf, prepareDeploymentDatabase, refusalFor } from "../scripts/lib/deployment-environment";
import { createTestDatabase } from "./helpers/database";

/** The same database under another host name: what a branch of it looks like to the build. */
function asCopy(url: string): string {
  const copy = new URL(url);
  copy.hostname = copy.hostname === "localhost" ? "127.0.0.1" : "localhost";
  return copy.toString();
}

describe("the database's deployment environment", () => {
  it("refuses only production and preview builds on each other's database", () => {
    const production = { environment: "production", databaseHost: "db.example.com:5432" };
    expect(refusalFor("preview", "db.example.com:5432", production)).toMatch(/production database .* will not migrate or seed/);
    expect(refusalFor("production", "db.example.com:5432", { ...production, environment: "preview" })).toMatch(/preview/);
    expect(refusalFor("preview", "branch.example.com:5432", production)).toBeNull();
    expect(refusalFor("production", "db.example.com:5432", production)).toBeNull();
    expect(refusalFor("preview", "db.example.com:5432", null)).toBeNull();
    expect(refusalFor("development", "db.example.com:5432", production)).toBeNull();
  });

  it("marks a database on its first build, then refuses a preview build on it before migrating", async () => {
    const { url, db } = await createTestDatabase();
    expect(await prepareDeploymentDatabase(url, "production")).toEqual([]);
    expect(await db.deploymentEnvironment.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      environment: "production",
      databaseHost: databaseHostOf(url),
    });
    await expect(prepareDeploymentDatabase(url, "preview")).rejects.toThrow(/Give previews their own database/);
    expect((await db.deploymentEnvironment.findUniqueOrThrow({ where: { id: 1 } })).environment).toBe("production");
    // A new deployment of production keeps going.
    await expect(prepareDeploymentDatabase(url, "production")).resolves.toEqual([]);
  });

  it("takes a branch of production (another host) as the preview's own database", async () => {
    const { url, db } = await createTestDatabase();
    await prepareDeploymentDatabase(url, "production");
    await prepareDeploymentDatabase(asCopy(url), "preview");
    expect(await db.deploymentEnvironment.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      environment: "preview",
      databaseHost: databaseHostOf(asCopy(url)),
    });
  });
});
