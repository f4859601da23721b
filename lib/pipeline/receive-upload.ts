import "server-only";

import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

import busboy from "busboy";
import { z } from "zod";

import { env } from "../server/env";
import { AppError } from "../server/errors";

export interface ReceivedUpload {
  file: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  fields: z.output<typeof uploadFieldsSchema>;
}

export const uploadFieldsSchema = z.object({
  preset: z.string().max(40).optional(),
  mapping: z.string().max(20_000).optional(),
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

const CSV_TYPES = new Set(["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", "application/octet-stream", ""]);
const badRequest = (code: string, message: string) => new AppError(400, code, message);

/**
 * Streams the multipart body's `file` part to a temporary file (never into memory),
 * hashing it on the way; other parts are the run's options. 4xx for a non-CSV,
 * an oversized or an empty file.
 */
export async function receiveUpload(request: Request): Promise<ReceivedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body)
    throw badRequest("BAD_UPLOAD", "Send the file as multipart/form-data.");
  const maxBytes = env.PIPELINE_MAX_UPLOAD_MB * 1024 * 1024;
  const parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fileSize: maxBytes, fields: 10 } });
  const fields: Record<string, string> = {};
  const target = path.join(os.tmpdir(), `pulseboard-upload-${randomUUID()}.csv`);
  let upload: Promise<Omit<ReceivedUpload, "fields">> | undefined;

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
    upload = pipeline(stream, createWriteStream(target)).then(() => {
      if ((stream as { truncated?: boolean }).truncated)
        throw new AppError(413, "TOO_LARGE", `The file is larger than ${env.PIPELINE_MAX_UPLOAD_MB} MB.`);
      if (size === 0) throw badRequest("EMPTY_FILE", "The file is empty.");
      return { file: target, fileName: fileName.slice(0, 200), sizeBytes: size, sha256: hash.digest("hex") };
    });
  });
  try {
    await pipeline(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>), parser);
    if (!upload) throw badRequest("NO_FILE", "Attach a CSV file in the `file` field.");
    const received = await upload;
    return { ...received, fields: uploadFieldsSchema.parse(fields) };
  } catch (error) {
    await upload?.catch(() => {});
    await rm(target, { force: true });
    // busboy's word for a body that stopped before its closing boundary.
    if (error instanceof Error && error.message === "Unexpected end of form")
      throw badRequest("TRUNCATED_UPLOAD", "The upload was cut short; send it again.");
    throw error;
  }
}
