// A CLI beside a running `npm start` uses the app's embedded PostgreSQL instead of starting a
// second one on the same folder; a folder held by something else is refused with a message.
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import { findRunningCluster, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres";

const scratch = path.resolve(`.data/embedded-cluster-test-${process.pid}`);
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A folder whose postmaster.pid names `pid` and `port`, as PostgreSQL writes it. */
async function folderHeldBy(pid: number, port: number): Promise<string> {
  const dir = path.join(scratch, `${pid}-${port}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "postmaster.pid"), `${pid}\n${dir}\n1700000000\n${port}\n\n127.0.0.1\n`);
  return dir;
}

describe("finding the embedded cluster already running on a folder", () => {
  it("connects to the running cluster and leaves it running when done", async () => {
    const port = Number(new URL(inject("clusterUrl")).port);
    const running = await findRunningCluster(path.resolve(`.data/test-postgres-${port}`));
    expect(running).not.toBeNull();
    expect(new URL(running!.url("pulseboard")).port).toBe(String(port));
    await running!.stop();
    const client = new pg.Client({ connectionString: running!.url("postgres") });
    await client.connect();
    expect((await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one).toBe(1);
    await client.end();
  });

  it("finds nothing in a folder without a server, or with a stale pid file", async () => {
    expect(await findRunningCluster(path.join(scratch, "empty"))).toBeNull();
    expect(await findRunningCluster(await folderHeldBy(2 ** 22 + 17, 5))).toBeNull();
  });

  it("refuses a folder held by a live process that is not answering as PostgreSQL", async () => {
    const dir = await folderHeldBy(process.pid, 9);
    await expect(findRunningCluster(dir)).rejects.toThrow(
      `${dir} is in use by process ${process.pid} (not a Pulseboard PostgreSQL): stop it or set DATABASE_URL`,
    );
  });

  it("refuses a folder whose pid file names a PostgreSQL that runs on another folder", async () => {
    const port = Number(new URL(inject("clusterUrl")).port);
    const dir = path.join(scratch, "copied");
    await mkdir(dir, { recursive: true });
    await copyFile(path.resolve(`.data/test-postgres-${port}/postmaster.pid`), path.join(dir, "postmaster.pid"));
    await expect(findRunningCluster(dir)).rejects.toThrow(`${dir} is in use by process`);
  });

  it("does not start on a port another program holds, and says so", async () => {
    const port = Number(new URL(inject("clusterUrl")).port);
    const dir = path.join(scratch, "fresh");
    await expect(startEmbeddedPostgres({ dataDir: dir, port })).rejects.toThrow(
      `127.0.0.1:${port} is in use by another program (not the PostgreSQL of ${dir}): stop it, or set EMBEDDED_PG_PORT or DATABASE_URL`,
    );
  });
});
