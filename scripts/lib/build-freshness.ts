// Decides whether the production bundle in .next matches the sources.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const STAMP = path.join(DIST_DIR, "pulseboard-build-hash");

async function listFiles(entry: string): Promise<string[]> {
  if (!existsSync(entry)) return [];
  const entries = await readdir(entry, { withFileTypes: true }).catch(() => null);
  if (!entries) return [entry];
  const nested = await Promise.all(entries.map((child) => listFiles(path.join(entry, child.name))));
  return nested.flat();
}

/** A content hash of everything the bundle is built from. */
export async function hashBuildInputs(): Promise<string> {
  const files = (await Promise.all(INPUTS.map(listFiles))).flat().sort();
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(file)
      .update("\0")
      .update(await readFile(file))
      .update("\0");
  return hash.digest("hex");
}

export async function isBuildFresh(hash: string): Promise<boolean> {
  if (!existsSync(path.join(DIST_DIR, "BUILD_ID"))) return false;
  return (await readFile(STAMP, "utf8").catch(() => "")) === hash;
}

export async function markBuildFresh(hash: string): Promise<void> {
  await writeFile(STAMP, hash);
}
