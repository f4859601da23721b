// A CLI beside a running `npm start` uses the app's embedded PostgreSQL instead of starting a
// second one on the same folder; a folder held by something else is refused with a message.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import { findRunningCluster } from "../scripts/lib/embedded-postgres";

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
    await expect(findRunningCluster(await folderHeldBy(process.pid, 9))).rejects.toThrow(
      /is in use by process \d+, which does not answer as Pulseboard's database on 127\.0\.0\.1:9/,
    );
  });
});
