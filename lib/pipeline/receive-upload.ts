import "server-only";

import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

import busboy from "busboy";
import { z } from "zod";

import { env } from "../server/env";
import { AppError } from "../server/errors";
import { PRESET_NAMES } from "./mapping";
import { newUploadPath } from "./temp-files";

export interface ReceivedUpload {
  file: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  fields: z.output<typeof uploadFieldsSchema>;
}

export const uploadFieldsSchema = z.object({
  preset: z
    .string()
    .max(40)
    .optional()
    .describe(`Column mapping preset: ${PRESET_NAMES.join(", ")} (default: the preset or saved mapping the header matches)`),
  mapping: z.string().max(20_000).optional(),
  savedMapping: z
    .string()
    .regex(/^\d{1,9}$/, "a saved mapping's id")
    .transform(Number)
    .optional()
    .describe("A saved mapping's id (GET /api/v1/pipeline/mappings); with no preset or mapping either, the header picks one"),
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

const CSV_TYPES = new Set(["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", "application/octet-stream", ""]);
const badRequest = (code: string, message: string) => new AppError(400, code, message);
// Room for the form's boundaries and option fields around the file, when judging a declared Content-Length.
const FORM_OVERHEAD_BYTES = 1024 * 1024;
const tooLarge = () => new AppError(413, "PAYLOAD_TOO_LARGE", `The file is larger than ${env.PIPELINE_MAX_UPLOAD_MB} MB.`);

/**
 * Streams the multipart body's `file` part to a temporary file (never into memory),
 * hashing it on the way; other parts are the run's options. 4xx for a non-CSV,
 * an oversized or an empty file; an oversized body is refused unread, or as soon as
 * the file passes the limit, and its partial file deleted.
 */
export async function receiveUpload(request: Request): Promise<ReceivedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body)
    throw badRequest("BAD_UPLOAD", "Send the file as multipart/form-data.");
  const maxBytes = env.PIPELINE_MAX_UPLOAD_MB * 1024 * 1024;
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes + FORM_OVERHEAD_BYTES) {
    await request.body.cancel().catch(() => {});
    throw tooLarge();
  }
  // One byte over the limit is the first sign of a file too large (busboy flags a file that merely reaches it).
  const parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fileSize: maxBytes + 1, fields: 10 } });
  const body = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  const fields: Record<string, string> = {};
  const target = newUploadPath();
  let upload: Promise<Omit<ReceivedUpload, "fields">> | undefined;
  let out: WriteStream | undefined;

  parser.on("field", (name, value) => (fields[name] = value));
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || upload) return stream.resume();
    const fileName = info.filename ?? "";
    const isCsv = /\.(csv|txt)$/i.test(fileName) && CSV_TYPES.has(info.mimeType);
    if (!isCsv) {
      stream.resume();
      upload = Promise.reject(new AppError(415, "NOT_CSV", `${fileName || "The file"} is not a CSV file (.csv).`));
      return;
    }
    const hash = createHash("sha256");
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    // Past the limit, stop reading the request at once rather than let busboy drain the rest.
    stream.once("limit", () => {
      const error = tooLarge();
      stream.destroy(error);
      body.destroy(error);
    });
    out = createWriteStream(/*turbopackIgnore: true*/ target);
    upload = pipeline(stream, out).then(() => {
      if (size === 0) throw badRequest("EMPTY_FILE", "The file is empty.");
      return { file: target, fileName: fileName.slice(0, 200), sizeBytes: size, sha256: hash.digest("hex") };
    });
  });
  try {
    await pipeline(body, parser);
    if (!upload) throw badRequest("NO_FILE", "Attach a CSV file in the `file` field.");
    const received = await upload;
    return { ...received, fields: uploadFieldsSchema.parse(fields) };
  } catch (error) {
    await upload?.catch(() => {});
    // Removed only once closed, so a write stream still opening cannot recreate the file.
    if (out && !out.closed) await once(out, "close").catch(() => {});
    await rm(target, { force: true });
    // busboy's word for a body that stopped before its closing boundary.
    if (error instanceof Error && error.message === "Unexpected end of form")
      throw badRequest("TRUNCATED_UPLOAD", "The upload was cut short; send it again.");
    throw error;
  }
}
