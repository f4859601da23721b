// Documented routes of the pipeline: runs, their logs, quarantined rows and remote sources.
import { z } from "zod";

import { fixedRowSchema, quarantineQuerySchema } from "../../pipeline/quarantine";
import { uploadFieldsSchema } from "../../pipeline/receive-upload";
import { newSourceSchema, sourceUpdateSchema } from "../../pipeline/remote-sources";
import { runListQuerySchema, runLogsQuerySchema } from "../../pipeline/run-queries";
import {
  csvSampleSchema,
  mappingDetectionSchema,
  newSavedMappingSchema,
  savedMappingViewSchema,
} from "../../pipeline/saved-mapping-schemas";
import { inboxRunSchema } from "../../pipeline/start-run";
import { quarantinedRowViewSchema, runLogLineSchema, runViewSchema, sourceViewSchema } from "../../pipeline/types";
import { idParamSchema } from "../../server/http/id-param";
import { defineRoute } from "../define-route";

const tags = ["pipeline"];
const params = z.object({ id: idParamSchema });
const adminOnly = { 403: "Not an ADMIN (a source loads every business unit)" };
const pollOutcome = { status: z.enum(["OK", "FAILED"]), error: z.string().nullable(), runId: z.number().int().nullable() };

export const pipelineRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/pipeline/runs",
    summary: "Run history, newest first (scoped users see their unit's runs)",
    tags,
    access: "pipeline.read",
    query: [runListQuerySchema],
    response: { schema: z.array(runViewSchema), description: "Runs" },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/pipeline/runs",
    summary: "Upload a CSV (multipart, streamed) and start a run",
    tags,
    access: "pipeline.run",
    body: { schema: uploadFieldsSchema.extend({ file: z.file() }), type: "multipart/form-data" },
    response: {
      status: 202,
      schema: z.object({ runId: z.number().int(), sizeBytes: z.number().int(), sha256: z.string() }),
      description: "Run queued; it loads after the response",
    },
    errors: {
      400: "No file, or an empty one",
      413: "Larger than PIPELINE_MAX_UPLOAD_MB",
      415: "Not a CSV file",
      422: "Unknown preset, invalid mapping or saved mapping id, or no preset or saved mapping matches the header (MAPPING_REQUIRED, a suggestion in details)",
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/pipeline/runs/{id}",
    summary: "One run and its counters",
    tags,
    access: "pipeline.read",
    params,
    response: { schema: runViewSchema, description: "Run" },
    errors: { 404: "No such run" },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/pipeline/runs/{id}/logs",
    summary: "A run's stored log lines, oldest first (live ones arrive on private-pipeline-run-{id})",
    tags,
    access: "pipeline.read",
    params,
    query: [runLogsQuerySchema],
    response: { schema: z.array(runLogLineSchema), description: "Log lines" },
    errors: { 404: "No such run" },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/pipeline/inbox",
    summary: "Run today's file (data/inbox/sales_YYYYMMDD.csv)",
    tags,
    access: "pipeline.run",
    body: { schema: inboxRunSchema, required: false },
    response: { status: 202, schema: z.object({ runId: z.number().int() }), description: "Run queued" },
    errors: { 404: "Today's file has not arrived" },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/quarantine",
    summary: "Rejected rows with reason codes",
    tags,
    access: "quarantine.review",
    query: [quarantineQuerySchema],
    response: { schema: z.array(quarantinedRowViewSchema), description: "Rows" },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/quarantine/{id}/discard",
    summary: "Discard a rejected row",
    tags,
    access: "quarantine.review",
    params,
    response: { schema: z.object({ discarded: z.literal(true) }), description: "Discarded" },
    errors: { 404: "No such row", 409: "Already resolved" },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/quarantine/{id}/reprocess",
    summary: "Queue a fixed row (canonical values) as a one-row run; the row is REPROCESSED when it loads",
    tags,
    access: "quarantine.review",
    params,
    body: { schema: fixedRowSchema },
    response: { status: 202, schema: z.object({ runId: z.number().int() }), description: "The run that loads the row" },
    errors: { 404: "No such row", 409: "Already resolved, or a reprocess of it is queued or running" },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/pipeline/sources",
    summary: "Remote HTTP(S) CSV sources and their last poll",
    tags,
    access: "pipeline.sources.read",
    response: { schema: z.array(sourceViewSchema), description: "Sources" },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/pipeline/sources",
    summary: "Add a remote source, polled every intervalMinutes (5 to 10,080)",
    tags,
    access: "pipeline.sources.manage",
    body: { schema: newSourceSchema },
    response: { schema: sourceViewSchema, description: "The source" },
    errors: { ...adminOnly, 422: "Not an http(s) URL, unknown preset, or too frequent" },
  }),
  defineRoute({
    method: "patch",
    path: "/api/v1/pipeline/sources/{id}",
    summary: "Change a source's name, URL, preset or interval, or pause (enabled false) and resume its scheduled polls",
    tags,
    access: "pipeline.sources.manage",
    params,
    body: { schema: sourceUpdateSchema },
    response: { schema: sourceViewSchema, description: "The source" },
    errors: { ...adminOnly, 404: "No such source", 422: "Nothing to change, not an http(s) URL, unknown preset, or too frequent" },
  }),
  defineRoute({
    method: "delete",
    path: "/api/v1/pipeline/sources/{id}",
    summary: "Stop polling a source (its loaded data stays)",
    tags,
    access: "pipeline.sources.manage",
    params,
    response: { schema: z.object({ deleted: z.literal(true) }), description: "Removed" },
    errors: { ...adminOnly, 404: "No such source" },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/pipeline/sources/{id}/poll",
    summary: "Download and load a source now, whatever its interval",
    tags,
    access: "pipeline.sources.manage",
    params,
    response: { schema: z.object(pollOutcome), description: "How the poll went, and the run it started" },
    errors: { ...adminOnly, 404: "No such source" },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/pipeline/mappings",
    summary: "Saved column mappings (a scoped user's unit's and the company-wide ones)",
    tags,
    access: "pipeline.run",
    response: { schema: z.array(savedMappingViewSchema), description: "Saved mappings, by name" },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/pipeline/mappings",
    summary: "Save a mapping under a name, for the caller's unit (none for an unscoped caller)",
    tags,
    access: "pipeline.mappings.manage",
    body: { schema: newSavedMappingSchema },
    response: { status: 201, schema: savedMappingViewSchema, description: "The saved mapping" },
    errors: {
      409: "The unit already has a mapping of that name (MAPPING_NAME_TAKEN)",
      422: "Not a valid mapping (VALIDATION_FAILED), or a required column unmapped (MAPPING_INCOMPLETE, missing in details)",
    },
  }),
  defineRoute({
    method: "delete",
    path: "/api/v1/pipeline/mappings/{id}",
    summary: "Remove a saved mapping (the runs that used it keep their copy)",
    tags,
    access: "pipeline.mappings.manage",
    params,
    response: { schema: z.object({ deleted: z.literal(true) }), description: "Removed" },
    errors: { 403: "A company-wide mapping, and the caller is scoped to a unit", 404: "No such mapping in the caller's unit" },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/pipeline/mappings/suggest",
    summary: "The preset or saved mapping a file's header matches, else a suggested mapping (send the header and a few rows, not the file)",
    tags,
    access: "pipeline.run",
    body: { schema: csvSampleSchema },
    response: { schema: mappingDetectionSchema, description: "The match, or a suggestion with the required columns it lacks" },
    errors: { 422: "Not a header with up to 20 sample rows" },
  }),
  defineRoute({
    method: "get",
    path: "/api/cron/poll-sources",
    summary: "Load the remote sources that are due",
    tags: ["cron"],
    access: "cron",
    response: {
      schema: z.object({ polled: z.array(z.object({ sourceId: z.number().int(), ...pollOutcome })) }),
      description: "What was polled",
    },
  }),
];
