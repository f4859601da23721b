// Remote sources: HTTP(S) CSVs polled on a schedule. Each due source is claimed (so two pollers
// never load it twice), downloaded to a temporary file within the upload size limit, and loaded
// as a REMOTE run. A failed download or run changes no data (loads are atomic): the last good
// load stays, and the failure is recorded on the source for the pipeline page.
import "server-only";

import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

import pg from "pg";

import { remoteUnreachable, safeFetch } from "../server/net/safe-fetch";
import { errorMessage } from "../utils/error-message";
import { isPresetName, PRESETS } from "./mapping";
import type { Publish } from "./run-log";
import { runPipeline, type PipelineRequest } from "./run-pipeline";
import type { RunView } from "./types";

const DOWNLOAD_TIMEOUT_MS = 60_000;

export interface PollOptions {
  databaseUrl: string;
  maxBytes: number;
  publish?: Publish;
  onFinished?: PipelineRequest["onFinished"];
  now?: Date;
  /** Poll only this source, due or not ("poll now"). */
  sourceId?: number;
}

export interface PollResult {
  sourceId: number;
  status: "OK" | "FAILED";
  error: string | null;
  run: RunView | null;
}

type Claimed = { id: number; name: string; url: string; preset: string };

/** Claims the sources that are due (or the one asked for, even paused) by stamping lastPolledAt. */
async function claimDue(client: pg.Client, now: Date, sourceId?: number): Promise<Claimed[]> {
  const { rows } = await client.query<Claimed>(
    `UPDATE "RemoteSource" SET "lastPolledAt" = $1
     WHERE $2::int IS NULL AND enabled AND ("lastPolledAt" IS NULL OR "lastPolledAt" + make_interval(mins => "intervalMinutes") <= $1)
        OR id = $2
     RETURNING id, name, url, preset`,
    [now, sourceId ?? null],
  );
  return rows;
}

async function download(url: string, maxBytes: number): Promise<{ file: string; dir: string }> {
  const response = await safeFetch(url, { timeoutMs: DOWNLOAD_TIMEOUT_MS });
  const dir = await mkdtemp(path.join(os.tmpdir(), "pulseboard-remote-"));
  const file = path.join(dir, "source.csv");
  const tooLarge = new Error(`the source is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(size > maxBytes ? tooLarge : null, chunk);
    },
  });
  try {
    await pipeline(response, limit, createWriteStream(/*turbopackIgnore: true*/ file));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    // A broken or timed-out transfer reads like any other unreachable server.
    throw error === tooLarge ? tooLarge : remoteUnreachable();
  }
  return { file, dir };
}

function fileNameOf(source: Claimed): string {
  const last = new URL(source.url).pathname.split("/").filter(Boolean).at(-1);
  return last?.toLowerCase().endsWith(".csv") ? last : `${source.name}.csv`;
}

async function pollOne(client: pg.Client, source: Claimed, options: PollOptions): Promise<PollResult> {
  let run: RunView | null = null;
  let error: string | null = null;
  try {
    if (!isPresetName(source.preset)) throw new Error(`unknown preset "${source.preset}"`);
    const { file, dir } = await download(source.url, options.maxBytes);
    try {
      run = await runPipeline({
        databaseUrl: options.databaseUrl,
        open: () => createReadStream(/*turbopackIgnore: true*/ file),
        fileName: fileNameOf(source),
        source: "REMOTE",
        preset: source.preset,
        mapping: PRESETS[source.preset],
        dryRun: false,
        startedById: null,
        scope: null,
        publish: options.publish,
        onFinished: options.onFinished,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    if (run.status !== "SUCCEEDED") error = `run #${run.id} failed: ${run.error ?? "unknown error"}`;
  } catch (failure) {
    error = errorMessage(failure);
  }
  const status = error === null ? "OK" : "FAILED";
  await client.query(
    `UPDATE "RemoteSource" SET "lastStatus" = $2::"RemoteStatus", "lastError" = $3, "lastRunId" = coalesce($4, "lastRunId"),
       "lastGoodAt" = CASE WHEN $2::"RemoteStatus" = 'OK' THEN now() ELSE "lastGoodAt" END
     WHERE id = $1`,
    [source.id, status, error, run?.id ?? null],
  );
  return { sourceId: source.id, status, error, run };
}

/** Polls every due remote source (or the one asked for), one after another. */
export async function pollRemoteSources(options: PollOptions): Promise<PollResult[]> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const results: PollResult[] = [];
    for (const source of await claimDue(client, options.now ?? new Date(), options.sourceId))
      results.push(await pollOne(client, source, options));
    return results;
  } finally {
    await client.end();
  }
}
