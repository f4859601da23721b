// Hostile files and uploads: over-long records and field floods fail the run fast without
// stalling the event loop, an oversized upload is refused without reading it, and what a
// crashed process left behind is swept at start-up.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createCsvReader, MAX_FIELDS, MAX_RECORD_CHARS } from "../../lib/pipeline/csv";
import { cleanUpPipelineLeftovers, RUN_LOCK_CLASS } from "../../lib/pipeline/leftovers";
import type { SessionUser } from "../../lib/server/auth/session-user";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { runFile } from "../helpers/run-file";

vi.hoisted(() => {
  process.env.PIPELINE_MAX_UPLOAD_MB = "1";
  // Realtime publishes fail at once rather than reach a dev server on the default port.
  process.env.PUSHER_PORT = "9";
});
const admin: SessionUser = {
  id: "admin",
  email: "a@example.com",
  name: "A",
  role: "ADMIN",
  businessUnitId: null,
  businessUnitSlug: null,
  locale: "en",
};
vi.mock("../../lib/server/auth/current-user", () => ({ getCurrentUser: () => Promise.resolve(admin) }));

const MB = 1024 * 1024;
let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), "hostile-files-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Loads `file` through the whole pipeline, measuring its time and the event loop's worst stall. */
async function loadMeasured(file: string) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const run = await runFile(database.url, { file });
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  const sales = await database.db.sale.count({ where: { sourceRunId: run.id } });
  const quarantined = await database.db.quarantinedRow.count({ where: { runId: run.id } });
  return { run, seconds, maxDelayMs: delay.max / 1e6, sales, quarantined };
}

describe("hostile files fail the run fast", () => {
  it.each([
    ["24 MB without a line break", "a", "line 1: a record is longer than 1 MiB"],
    ["24 MB of commas", ",", `line 1: more than ${MAX_FIELDS} fields`],
  ])("%s: FAILED with the reason in under 10 s, no rows, the event loop responsive", async (_name, fill, reason) => {
    const file = path.join(dir, `${randomUUID()}.csv`);
    await writeFile(file, fill.repeat(24 * MB));
    const { run, seconds, maxDelayMs, sales, quarantined } = await loadMeasured(file);
    expect(run).toMatchObject({ status: "FAILED", error: reason, rowsRead: 0, rowsInserted: 0 });
    expect(seconds).toBeLessThan(10);
    expect(maxDelayMs).toBeLessThan(500);
    expect({ sales, quarantined }).toEqual({ sales: 0, quarantined: 0 });
    expect(await database.db.sale.count()).toBe(0);
  });
});

describe("the CSV reader's limits", () => {
  /** Feeds `text` in chunks of `size` characters and returns every record. */
  function read(text: string, size = 64 * 1024): string[][] {
    const reader = createCsvReader(",");
    const records: string[][] = [];
    for (let from = 0; from < text.length; from += size) records.push(...reader.push(text.slice(from, from + size)));
    return [...records, ...reader.end()];
  }

  it("refuses a quoted record over 1 MiB, without re-reading it chunk after chunk", () => {
    const closed = `a,b\n"${"x".repeat(MAX_RECORD_CHARS)}",c\n`;
    expect(() => read(closed)).toThrow("line 2: a record is longer than 1 MiB");
    // Doubled quotes in 4 KiB chunks: a reader that restarts the record each chunk takes minutes here.
    const started = performance.now();
    expect(() => read(`a,b\n"${'ab""'.repeat(2 * MB)}"\n`, 4096)).toThrow(/^line 2: a record is longer than 1 MiB \(inside a quoted field/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("accepts a record of exactly 1 MiB and 500 fields, however it is cut", () => {
    const longest = "x".repeat(MAX_RECORD_CHARS);
    expect(read(`${longest}\n`)).toEqual([[longest]]);
    expect(read(`"${longest.slice(2)}"`, 1000)).toEqual([[longest.slice(2)]]);
    expect(() => read(`${longest}x\n`, 1000)).toThrow("line 1: a record is longer than 1 MiB");
    expect(read(`${",".repeat(MAX_FIELDS - 1)}\n`)[0]).toHaveLength(MAX_FIELDS);
  });

  it("refuses more than 500 fields, quoted or not", () => {
    expect(() => read(`a,b\n${",".repeat(MAX_FIELDS)}\n`)).toThrow("line 2: more than 500 fields");
    expect(() => read(`a,b\nc,d\n${'"x",'.repeat(MAX_FIELDS)}\n`, 7)).toThrow("line 3: more than 500 fields");
  });
});

describe("an oversized upload", () => {
  const BOUNDARY = "hostile-boundary";

  /** A multipart body whose file part is `fileBytes` long, produced only as it is read. */
  function streamedUpload(fileBytes: number, headers: Record<string, string> = {}) {
    const seen = { pulled: 0, cancelled: false };
    const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="preset"\r\n\r\ncanonical\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const chunk = new TextEncoder().encode("a,b,c\n".repeat(10_000));
    const body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => controller.enqueue(new TextEncoder().encode(head)),
        pull(controller) {
          if (seen.pulled >= fileBytes) {
            controller.enqueue(new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`));
            return controller.close();
          }
          controller.enqueue(chunk);
          seen.pulled += chunk.length;
        },
        cancel: () => void (seen.cancelled = true),
      },
      { highWaterMark: 0 },
    );
    const request = new NextRequest("http://localhost/api/v1/pipeline/runs", {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
      body,
      duplex: "half",
    });
    return { request, seen };
  }

  async function post(request: NextRequest) {
    const { POST } = await import("../../app/api/v1/pipeline/runs/route");
    const response = await POST(request, { params: Promise.resolve({}) });
    return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
  }

  const uploadFiles = async () => (await readdir(os.tmpdir())).filter((name) => name.startsWith("pulseboard-upload-"));

  it("is refused with 413 as soon as the file passes the limit, and its partial file deleted", async () => {
    const before = await uploadFiles();
    const { request, seen } = streamedUpload(200 * MB);
    const { status, body } = await post(request);
    expect(status).toBe(413);
    expect(body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "The file is larger than 1 MB." });
    expect(seen.pulled).toBeLessThan(4 * MB);
    expect(seen.cancelled).toBe(true);
    expect((await uploadFiles()).filter((name) => !before.includes(name))).toEqual([]);
  });

  it("is refused unread when its declared length is far over the limit", async () => {
    const { request, seen } = streamedUpload(200 * MB, { "content-length": String(200 * MB) });
    const { status, body } = await post(request);
    expect(status).toBe(413);
    expect(body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(seen.pulled).toBe(0);
  });
});

describe("start-up cleanup", () => {
  it("removes stale temporary files and fails runs a dead process left QUEUED or RUNNING", async () => {
    const temp = await mkdtemp(path.join(os.tmpdir(), "hostile-leftovers-"));
    const stale = path.join(temp, `pulseboard-upload-${randomUUID()}.csv`);
    const fresh = path.join(temp, `pulseboard-upload-${randomUUID()}.csv`);
    const unrelated = path.join(temp, "someone-elses.csv");
    for (const file of [stale, fresh, unrelated]) await writeFile(file, "a,b\n");
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const file of [stale, unrelated]) await utimes(file, anHourAgo, anHourAgo);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const insert = async (status: string, age: string) =>
      (
        await client.query<{ id: number }>(
          `INSERT INTO "PipelineRun" (source, "fileName", status, "createdAt") VALUES ('UPLOAD', 'x.csv', $1, now() - $2::interval) RETURNING id`,
          [status, age],
        )
      ).rows[0]!.id;
    const staleQueued = await insert("QUEUED", "1 hour");
    const freshQueued = await insert("QUEUED", "5 seconds");
    const startingQueued = await insert("QUEUED", "1 hour");
    const abandoned = await insert("RUNNING", "1 hour");
    // A run about to start holds its lock before it is marked RUNNING.
    await client.query("SELECT pg_advisory_lock($1, $2)", [RUN_LOCK_CLASS, startingQueued]);
    try {
      const leftovers = await cleanUpPipelineLeftovers(database.url, { tempDir: temp });
      expect(leftovers.removedFiles).toEqual([path.basename(stale)]);
      expect([existsSync(stale), existsSync(fresh), existsSync(unrelated)]).toEqual([false, true, true]);
      expect(leftovers.failedRuns.sort((x, y) => x - y)).toEqual([staleQueued, abandoned]);
      const { rows } = await client.query<{ id: number; status: string; error: string | null }>(
        `SELECT id, status, error FROM "PipelineRun" WHERE id = ANY($1) ORDER BY id`,
        [[staleQueued, freshQueued, startingQueued, abandoned]],
      );
      expect(rows.map((row) => row.status)).toEqual(["FAILED", "QUEUED", "QUEUED", "FAILED"]);
      expect(rows[0]!.error).toMatch(/^The process that queued this load stopped before it started; nothing was written/);
      expect(rows[3]!.error).toMatch(/^The process running this load stopped before it finished; nothing was written/);
    } finally {
      await client.end();
      await rm(temp, { recursive: true, force: true });
    }
  });
});
