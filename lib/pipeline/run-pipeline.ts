// Extract → transform → load for one file, as one run: the CLI, the upload route,
// the inbox and the tests all come through here with a database URL.
import "server-only";

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { endSessionOnAbort } from "../server/end-session-on-abort";
import { limitSession, SHORT_STATEMENT_MS } from "../server/session-limits";
import { errorMessage } from "../utils/error-message";
import { createRowClassifier } from "./classify-rows";
import { createCleaningTally, type CleaningTally } from "./clean-values";
import { readSourceBatches, type FileFacts } from "./extract";
import { createRecordMapper, createRecordReaders, sourceRecordOf, type Mapping } from "./mapping";
import { mergeStage } from "./merge";
import { createRunLog, type Publish, type RunLog } from "./run-log";
import {
  createRun,
  failAbandonedRuns,
  markFailed,
  markRunning,
  markSucceeded,
  readRunView,
  recordProgress,
  RUN_LOCK_CLASS,
} from "./run-records";
import { waitForRunSlot } from "./run-slots";
import { COPY_STAGE_SQL, CREATE_STAGE_SQL, encodeRejectedRow, encodeValidRow } from "./staging";
import type { RunSource, RunView } from "./types";
import { REQUIRED_COLUMNS } from "./validate-row";

export interface PipelineRequest {
  databaseUrl: string;
  /** A run created beforehand (QUEUED), e.g. by the upload route; otherwise one is created. */
  runId?: number;
  open: () => Readable;
  fileName: string;
  source: RunSource;
  preset: string | null;
  mapping: Mapping;
  dryRun: boolean;
  startedById: string | null;
  scope: { id: number; slug: string } | null;
  publish?: Publish;
  echo?: (line: string) => void;
  /** Changed rows from which rollups are kept set-based rather than by the triggers. */
  bulkThreshold?: number;
  /** Called once the run has ended (succeeded or failed), with its final view; e.g. notifications. */
  onFinished?: (run: RunView, log: RunLog) => Promise<unknown>;
  /** Runs loading at once across every process; the rest wait their turn (QUEUED). */
  maxConcurrentRuns?: number;
  /** A quarantined row this one-row run loads, fixed: marked REPROCESSED in the load's own transaction. */
  reprocessesRow?: number;
  /** Aborted (Ctrl-C or SIGTERM in the CLI): the load is rolled back and the run fails with the signal's reason. */
  signal?: AbortSignal;
}

// Measured on superstore (10k rows): the per-statement triggers took 8.6 s, the bucket
// recompute well under a second. Small files keep the triggers (no table lock).
const BULK_THRESHOLD = 1_000;
const PROGRESS_MS = 1_000;
// Each load keeps a core busy and holds big temporary tables: two at a time suits a small database.
const MAX_CONCURRENT_RUNS = 2;

function connect(url: string, log: (message: string) => void, signal: AbortSignal | undefined): pg.Client {
  const client = new pg.Client({ connectionString: url });
  // A dropped connection fails the pending query; unhandled, it would crash the process. Once
  // cancelled, the load's connection is ended on purpose: nothing to report.
  client.on("error", (error) => signal?.aborted || log(`database connection lost: ${error.message}`));
  return client;
}

/** The staged COPY payload: source records mapped, validated and encoded, a batch at a time. */
async function* encodeRecords(
  request: PipelineRequest,
  units: ReadonlySet<string>,
  facts: Partial<FileFacts> & { read?: number },
  progress: (read: number) => Promise<void>,
  tally: CleaningTally,
) {
  const classify = createRowClassifier({
    ...createRecordReaders(request.mapping),
    units,
    scopeSlug: request.scope?.slug ?? null,
  });
  const key = request.mapping.sourceKey;
  let map: ReturnType<typeof createRecordMapper> | null = null;
  let rowNumber = 0;
  let nextProgress = performance.now() + PROGRESS_MS;
  for await (const batch of readSourceBatches(request.open(), request.mapping, facts)) {
    const header = facts.header!;
    if (map === null) {
      assertColumns(request.mapping, header);
      map = createRecordMapper(request.mapping, header);
    }
    let encoded = "";
    for (const fields of batch) {
      rowNumber += 1;
      const canonical = map(fields);
      const result = classify(canonical);
      // A rejected row keeps its source text (raw and canonical): cleaning never rewrites the record.
      if (result.ok && result.cleaned) tally.add(result.cleaned);
      encoded += result.ok
        ? encodeValidRow(rowNumber, key, result.row)
        : encodeRejectedRow(rowNumber, result, sourceRecordOf(header, fields), canonical);
    }
    facts.read = rowNumber;
    yield encoded;
    if (performance.now() >= nextProgress) {
      await progress(rowNumber);
      nextProgress = performance.now() + PROGRESS_MS;
    }
  }
}

/** A required column mapped to a header the file lacks fails the run at once, not row by row. */
function assertColumns(mapping: Mapping, header: readonly string[]) {
  for (const column of REQUIRED_COLUMNS) {
    const from = mapping.columns[column];
    if (from === undefined || mapping.constants[column] !== undefined) continue;
    const missing = (Array.isArray(from) ? from : [from]).find((name) => !header.includes(name));
    if (missing) throw new Error(`The file has no column "${missing}" (needed for ${column}); check the preset or mapping.`);
  }
}

async function stageAndMerge(load: pg.Client, side: pg.Client, request: PipelineRequest, runId: number, log: RunLog) {
  const { rows: unitRows } = await load.query<{ slug: string }>(`SELECT slug FROM "BusinessUnit"`);
  const facts: Partial<FileFacts> & { read?: number } = {};
  const started = performance.now();
  const progress = async (rows: number) => {
    const rate = Math.round(rows / ((performance.now() - started) / 1000));
    await recordProgress(side, runId, rows);
    await log.write("INFO", `read ${rows.toLocaleString("en")} rows (${rate.toLocaleString("en")} rows/s)`);
    const view = await readRunView(side, runId);
    if (view) await log.announce({ ...view, rate });
  };
  await load.query("BEGIN");
  await load.query("SET LOCAL work_mem = '64MB'");
  await load.query(CREATE_STAGE_SQL);
  const tally = createCleaningTally();
  const records = encodeRecords(request, new Set(unitRows.map((row) => row.slug)), facts, progress, tally);
  await pipeline(Readable.from(records), load.query(copyFrom(COPY_STAGE_SQL)));
  const read = facts.read ?? 0;
  const seconds = (performance.now() - started) / 1000;
  const cleaned = tally.summary();
  if (cleaned) await log.write("INFO", cleaned);
  await log.write("INFO", `staged ${read.toLocaleString("en")} rows in ${seconds.toFixed(1)} s; merging`);
  const counts = await mergeStage(load, {
    runId,
    scopeUnitId: request.scope?.id ?? null,
    dryRun: request.dryRun,
    bulkThreshold: request.bulkThreshold ?? BULK_THRESHOLD,
  });
  if (read !== counts.valid + counts.rejected) throw new Error(`read ${read} rows but classified ${counts.valid + counts.rejected}`);
  if (request.reprocessesRow !== undefined && counts.valid === 1 && !request.dryRun) {
    await load.query(
      `UPDATE "QuarantinedRow" SET status = 'REPROCESSED', "resolvedAt" = now(), "resolvedById" = $2 WHERE id = $1 AND status = 'PENDING'`,
      [request.reprocessesRow, request.startedById],
    );
  }
  await markSucceeded(load, runId, { ...counts, read, sizeBytes: facts.sizeBytes ?? 0, sha256: facts.sha256 ?? null });
  await load.query("COMMIT");
  return { ...counts, read };
}

export async function runPipeline(request: PipelineRequest): Promise<RunView> {
  const echo = request.echo ?? (() => {});
  const side = connect(request.databaseUrl, echo, request.signal);
  const load = connect(request.databaseUrl, echo, request.signal);
  await Promise.all([side.connect(), load.connect()]);
  try {
    // Bookkeeping statements are short; the load's may take minutes on a big file.
    await Promise.all([limitSession(side, { statementTimeoutMs: SHORT_STATEMENT_MS }), limitSession(load)]);
    const runId =
      request.runId ?? (await createRun(side, { ...request, mapping: request.mapping, businessUnitId: request.scope?.id ?? null }));
    const log = createRunLog(side, runId, request.scope?.slug ?? null, request.publish, echo);
    const stopEndingLoad = await endSessionOnAbort(load, request.databaseUrl, request.signal);
    try {
      await load.query("SELECT pg_advisory_lock($1, $2)", [RUN_LOCK_CLASS, runId]);
      const abandoned = await failAbandonedRuns(side);
      if (abandoned.length > 0) await log.write("WARN", `marked abandoned run(s) ${abandoned.map((id) => `#${id}`).join(", ")} as failed`);
      await waitForRunSlot(load, side, runId, request.maxConcurrentRuns ?? MAX_CONCURRENT_RUNS, log);
      await markRunning(side, runId);
      const mode = request.preset ? `preset ${request.preset}` : "mapping file";
      await log.write("INFO", `run #${runId} started: ${request.fileName} (${mode}${request.dryRun ? ", dry run" : ""})`);
      const startedView = await readRunView(side, runId);
      if (startedView) await log.announce(startedView);
      const counts = await stageAndMerge(load, side, request, runId, log);
      const verb = request.dryRun ? "would insert" : "inserted";
      await log.write(
        counts.rejected > 0 ? "WARN" : "INFO",
        `done: ${counts.read} read, ${counts.valid} valid, ${counts.rejected} rejected; ${verb} ${counts.inserted}, updated ${counts.updated}, unchanged ${counts.unchanged} (rollups ${counts.rollups})`,
      );
    } catch (error) {
      await load.query("ROLLBACK").catch(() => {});
      // Cancelled, the load fails because its session was ended: the reason is the signal.
      const message = errorMessage(request.signal?.aborted ? request.signal.reason : error);
      await markFailed(side, runId, message);
      await log.write("ERROR", `failed: ${message}`);
    } finally {
      stopEndingLoad();
    }
    const run = (await readRunView(side, runId))!;
    await log.announce(run);
    await request.onFinished?.(run, log);
    return run;
  } finally {
    await Promise.all([side.end().catch(() => {}), load.end().catch(() => {})]);
  }
}
