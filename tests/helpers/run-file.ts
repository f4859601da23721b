// A pipeline run as the CLI makes it (canonical preset, no user, every unit) of text or a file;
// tests and benchmarks override what they need.
import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";

import { PRESETS } from "../../lib/pipeline/mapping";
import { runPipeline, type PipelineRequest } from "../../lib/pipeline/run-pipeline";

export function runFile(
  databaseUrl: string,
  source: { file: string } | { text: string; fileName: string },
  overrides: Partial<PipelineRequest> = {},
) {
  return runPipeline({
    databaseUrl,
    open: () => ("file" in source ? createReadStream(source.file) : Readable.from([Buffer.from(source.text)])),
    fileName: "file" in source ? path.basename(source.file) : source.fileName,
    source: "CLI",
    preset: "canonical",
    mapping: PRESETS.canonical,
    dryRun: false,
    startedById: null,
    scope: null,
    ...overrides,
  });
}
