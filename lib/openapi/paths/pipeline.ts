// OpenAPI paths of the pipeline feature (merged into lib/openapi/document.ts).
import { errorResponse, json } from "../schema-helpers";

const integer = { type: "integer" };
const string = { type: "string" };
const nullable = (type: string) => ({ type: [type, "null"] });

const run = {
  type: "object",
  properties: {
    id: integer,
    source: { enum: ["UPLOAD", "INBOX", "CLI", "REMOTE", "REPROCESS"] },
    fileName: string,
    sizeBytes: integer,
    sha256: nullable("string"),
    preset: nullable("string"),
    dryRun: { type: "boolean" },
    status: { enum: ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED"] },
    startedByName: nullable("string"),
    rowsRead: integer,
    rowsValid: integer,
    rowsRejected: integer,
    rowsInserted: integer,
    rowsUpdated: integer,
    rowsUnchanged: integer,
    error: nullable("string"),
    createdAt: { type: "string", format: "date-time" },
    startedAt: nullable("string"),
    finishedAt: nullable("string"),
    durationMs: nullable("integer"),
  },
};
const logLine = {
  type: "object",
  properties: { seq: integer, level: { enum: ["DEBUG", "INFO", "WARN", "ERROR"] }, message: string, at: string },
};
const quarantined = {
  type: "object",
  properties: {
    id: integer,
    runId: integer,
    rowNumber: integer,
    reasonCode: string,
    message: string,
    status: { enum: ["PENDING", "DISCARDED", "REPROCESSED"] },
    raw: { type: "object", additionalProperties: string },
    canonical: { type: "object" },
    createdAt: string,
  },
};
const remoteSource = {
  type: "object",
  properties: {
    id: integer,
    name: string,
    url: string,
    preset: string,
    intervalMinutes: integer,
    enabled: { type: "boolean" },
    lastPolledAt: nullable("string"),
    lastStatus: { enum: ["OK", "FAILED", null] },
    lastError: nullable("string"),
    lastRunId: nullable("integer"),
    lastGoodAt: nullable("string"),
  },
};
const adminOnly = { "401": errorResponse("Not signed in"), "403": errorResponse("Not an ADMIN (a source loads every business unit)") };
const idParam = { name: "id", in: "path", required: true, schema: integer };
const query = (name: string, schema: object) => ({ name, in: "query", required: false, schema });
const denied = { "401": errorResponse("Not signed in"), "403": errorResponse("VIEWER role") };
const tags = ["pipeline"];

export const pipelinePaths = {
  "/api/v1/pipeline/runs": {
    get: {
      tags,
      summary: "Run history, newest first (scoped users see their unit's runs)",
      parameters: [query("limit", integer), query("before", integer)],
      responses: { "200": json("Runs", { type: "array", items: run }), ...denied },
    },
    post: {
      tags,
      summary: "Upload a CSV (multipart, streamed) and start a run",
      requestBody: {
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: {
                file: { type: "string", format: "binary" },
                preset: string,
                mapping: string,
                dryRun: { enum: ["true", "false"] },
              },
            },
          },
        },
      },
      responses: {
        "202": json("Run queued; it loads after the response", {
          type: "object",
          properties: { runId: integer, sizeBytes: integer, sha256: string },
        }),
        "400": errorResponse("No file, or an empty one"),
        "413": errorResponse("Larger than PIPELINE_MAX_UPLOAD_MB"),
        "415": errorResponse("Not a CSV file"),
        "422": errorResponse("Unknown preset or invalid mapping"),
        ...denied,
      },
    },
  },
  "/api/v1/pipeline/runs/{id}": {
    get: {
      tags,
      summary: "One run and its counters",
      parameters: [idParam],
      responses: { "200": json("Run", run), "404": errorResponse("No such run"), ...denied },
    },
  },
  "/api/v1/pipeline/runs/{id}/logs": {
    get: {
      tags,
      summary: "A run's stored log lines (live ones arrive on private-pipeline-run-{id})",
      parameters: [idParam, query("after", integer)],
      responses: { "200": json("Log lines", { type: "array", items: logLine }), "404": errorResponse("No such run"), ...denied },
    },
  },
  "/api/v1/pipeline/inbox": {
    post: {
      tags,
      summary: "Run today's file (data/inbox/sales_YYYYMMDD.csv)",
      responses: {
        "202": json("Run queued", { type: "object", properties: { runId: integer } }),
        "404": errorResponse("Today's file has not arrived"),
        ...denied,
      },
    },
  },
  "/api/v1/quarantine": {
    get: {
      tags,
      summary: "Rejected rows with reason codes",
      parameters: [
        query("runId", integer),
        query("reason", string),
        query("status", string),
        query("limit", integer),
        query("before", integer),
      ],
      responses: { "200": json("Rows", { type: "array", items: quarantined }), ...denied },
    },
  },
  "/api/v1/quarantine/{id}/discard": {
    post: {
      tags,
      summary: "Discard a rejected row",
      parameters: [idParam],
      responses: { "200": json("Discarded", { type: "object" }), "409": errorResponse("Already resolved"), ...denied },
    },
  },
  "/api/v1/quarantine/{id}/reprocess": {
    post: {
      tags,
      summary: "Load a fixed row (canonical values) as a one-row run",
      parameters: [idParam],
      requestBody: { content: { "application/json": { schema: { type: "object", properties: { canonical: { type: "object" } } } } } },
      responses: { "200": json("The run that took the row", run), "409": errorResponse("Already resolved"), ...denied },
    },
  },
  "/api/v1/pipeline/sources": {
    get: {
      tags,
      summary: "Remote HTTP(S) CSV sources and their last poll",
      responses: { "200": json("Sources", { type: "array", items: remoteSource }), ...denied },
    },
    post: {
      tags,
      summary: "Add a remote source: { name, url, preset?, intervalMinutes? (5 to 10,080, default 60) }",
      responses: {
        "200": json("The source", remoteSource),
        "422": errorResponse("Not an http(s) URL, unknown preset, or too frequent"),
        ...adminOnly,
      },
    },
  },
  "/api/v1/pipeline/sources/{id}": {
    delete: {
      tags,
      summary: "Stop polling a source (its loaded data stays)",
      parameters: [idParam],
      responses: { "200": json("Removed", { type: "object" }), "404": errorResponse("No such source"), ...adminOnly },
    },
  },
  "/api/v1/pipeline/sources/{id}/poll": {
    post: {
      tags,
      summary: "Download and load a source now, whatever its interval",
      parameters: [idParam],
      responses: {
        "200": json("{ status: OK | FAILED, error, runId }", { type: "object" }),
        "404": errorResponse("No such source"),
        ...adminOnly,
      },
    },
  },
  "/api/cron/poll-sources": {
    get: {
      tags: ["cron"],
      summary: "Load the remote sources that are due (Bearer CRON_SECRET)",
      responses: { "200": json("What was polled", { type: "object" }), "401": errorResponse("Wrong or missing cron secret") },
    },
  },
};
