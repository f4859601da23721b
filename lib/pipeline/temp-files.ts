// The pipeline's temporary files: uploads being received or loaded, and remote downloads.
// Plain Node (no server-only), so the launcher can sweep what a crashed process left.
import { randomUUID } from "node:crypto";
import { readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const UPLOAD_PREFIX = "pulseboard-upload-";
// poll-remote-sources.ts downloads into a directory named so.
const REMOTE_PREFIX = "pulseboard-remote-";

/** Where the next upload is written: a fresh name in the system's temporary directory. */
export function newUploadPath(dir = os.tmpdir()): string {
  return path.join(dir, `${UPLOAD_PREFIX}${randomUUID()}.csv`);
}

export interface SweepOptions {
  dir?: string;
  /** Younger entries may belong to a live upload or run, so they stay. */
  olderThanMs: number;
  now?: Date;
}

/** Deletes the pipeline's temporary files and directories last modified before the cut-off; returns their names. */
export async function removeStaleTempFiles({ dir = os.tmpdir(), olderThanMs, now = new Date() }: SweepOptions): Promise<string[]> {
  const cutoff = now.getTime() - olderThanMs;
  const names = (await readdir(dir)).filter((name) => name.startsWith(UPLOAD_PREFIX) || name.startsWith(REMOTE_PREFIX));
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if ((await stat(file)).mtimeMs >= cutoff) continue;
      await rm(file, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Gone already, or held open by another process (Windows): the next sweep tries again.
    }
  }
  return removed;
}
