// The pipeline from a shell: `npm run etl -- --file PATH [--preset NAME | --mapping FILE] [--dry-run]`
// or `npm run etl -- --auto` (today's data/inbox/sales_YYYYMMDD.csv). Exits non-zero on failure.
import { createReadStream } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { notifyRunFinished } from "../lib/notifications/deliver";
import { findTodaysInboxFile, inboxFileFor } from "../lib/pipeline/inbox";
import { resolveMappingFile } from "../lib/pipeline/resolve-mapping";
import { runPipeline } from "../lib/pipeline/run-pipeline";
import type { RunView } from "../lib/pipeline/types";
import { publishEvents } from "../lib/realtime/publish";
import { bindDatabase } from "../lib/server/db";
import { withDatabase } from "./lib/with-database";

const { values } = parseArgs({
  options: {
    file: { type: "string" },
    preset: { type: "string" },
    mapping: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    auto: { type: "boolean", default: false },
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

async function main(databaseUrl: string) {
  if (values.preset && values.mapping) throw new Error("Give --preset or --mapping, not both.");
  const file = values.auto ? await findTodaysInboxFile() : values.file;
  if (!file) throw new Error(values.auto ? `No file for today in the inbox (${inboxFileFor(new Date())}).` : "Give --file PATH or --auto.");
  const { preset, mapping } = await resolveMappingFile(values.preset, values.mapping);
  // Live like an upload: the runs list and the run's page follow a CLI run too (when a realtime
  // server is reachable; without one, publishing is logged once and the run goes on).
  const db = bindDatabase(databaseUrl);
  const run = await runPipeline({
    databaseUrl,
    open: () => createReadStream(file),
    fileName: path.basename(file),
    source: values.auto ? "INBOX" : "CLI",
    preset,
    mapping,
    dryRun: values["dry-run"],
    startedById: null,
    scope: null,
    echo: (line) => console.log(line),
    publish: publishEvents,
    onFinished: notifyRunFinished,
  }).finally(() => db.$disconnect());
  console.log(summary(run));
  if (run.status !== "SUCCEEDED") process.exitCode = 1;
}

await withDatabase(main);
