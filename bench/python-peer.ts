// Runs bench/fluxcli_peer.py (pandas + SQLite: how the Python tool Pulseboard replaces loads a
// fluxcli file) for comparison, or says why it cannot.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { z } from "zod";

const run = promisify(execFile);
const PEER = path.join(import.meta.dirname, "fluxcli_peer.py");
// Debian's python3 has python3-pandas; a python3 first on PATH (pyenv, a venv) may lack it.
const PYTHONS = [process.env.BENCH_PYTHON, "/usr/bin/python3", "python3"].filter((python) => python !== undefined);

const peerOutputSchema = z.object({ rows_read: z.number().int(), rows_accepted: z.number().int(), seconds: z.number() });

export type PeerResult = { rowsRead: number; rowsAccepted: number; seconds: number } | { skipped: string };

async function findPythonWithPandas(): Promise<string | null> {
  for (const python of PYTHONS) {
    const found = await run(python, ["-c", "import pandas"]).then(
      () => true,
      () => false,
    );
    if (found) return python;
  }
  return null;
}

/** Loads `file` into a SQLite database in `workDir` (which must exist) and returns the peer's figures. */
export async function runFluxcliPeer(file: string, workDir: string): Promise<PeerResult> {
  const python = await findPythonWithPandas();
  if (!python) return { skipped: "python3-pandas not installed" };
  const { stdout } = await run(python, [PEER, file, workDir]);
  const figures = peerOutputSchema.parse(JSON.parse(stdout));
  return { rowsRead: figures.rows_read, rowsAccepted: figures.rows_accepted, seconds: figures.seconds };
}
