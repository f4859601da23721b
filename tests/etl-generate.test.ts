import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "etl-generate-"));
});

/** `npm run etl -- …` as package.json runs it, with a database URL nothing answers: generating must not need one. */
function etl(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/etl.ts", ...args], {
    env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", ...env },
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once("close", (code) => resolve({ code, stdout, stderr })),
  );
}

describe("npm run etl -- --generate", () => {
  it("writes N rows under a header to --out, and says where and how many lines", async () => {
    const out = path.join(dir, "nested", "sales.csv");
    const { code, stdout, stderr } = await etl(["--generate", "100", "--out", out, "--seed", "4", "--format", "fluxcli"]);
    expect(code, stderr).toBe(0);
    expect(readFileSync(out, "utf8").trimEnd().split("\n")).toHaveLength(101);
    expect(stdout).toContain(`${out}: 101 lines (a header and 100 rows), seed 4`);
  });

  it("writes today's inbox file by default, and will not replace it", async () => {
    const inbox = path.join(dir, "inbox");
    const first = await etl(["--generate", "10", "--dirty", "0.5", "--skew"], { PIPELINE_INBOX_DIR: inbox });
    expect(first.code, first.stderr).toBe(0);
    const [name] = readdirSync(inbox);
    expect(name).toMatch(/^sales_\d{8}\.csv$/);
    expect(first.stdout).toMatch(/messy rows: \d+ cleanable, \d+ bad/);
    const again = await etl(["--generate", "10"], { PIPELINE_INBOX_DIR: inbox });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(`${path.join(inbox, name!)} already exists`);
  });

  it.each([
    [["--generate", "0"], "--generate N must be a whole number from 1"],
    [["--generate", "ten"], "--generate N must be a whole number from 1"],
    [["--generate", "10", "--dirty", "1.5"], "--dirty must be a number from 0 to 1"],
    [["--generate", "10", "--dirty", "much"], "--dirty must be a number from 0 to 1"],
    [["--generate", "10", "--format", "xlsx"], "--format must be one of: canonical, fluxcli"],
  ])("refuses %j with a message and a non-zero exit", async (args, message) => {
    const { code, stderr } = await etl([...args, "--out", path.join(dir, "refused.csv")]);
    expect(code).not.toBe(0);
    expect(stderr).toContain(message);
  });
});
