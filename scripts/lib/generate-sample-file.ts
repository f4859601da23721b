// `npm run etl -- --generate N [...]`: writes a sample sales CSV, by default as today's inbox
// file, so "Run today's file" has something to load on a fresh install. Needs no database.
import { randomInt } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";

import { z } from "zod";

import { inboxDir, inboxFileFor } from "../../lib/pipeline/inbox";
import { SAMPLE_FORMATS, writeSampleFile } from "../../lib/pipeline/sample-file";
import { errorMessage } from "../../lib/utils/error-message";

/** The CLI's options for a sample file, for `parseArgs`. */
export const GENERATE_OPTIONS = {
  generate: { type: "string" },
  dirty: { type: "string" },
  skew: { type: "boolean", default: false },
  format: { type: "string", default: "canonical" },
  out: { type: "string" },
  seed: { type: "string" },
  days: { type: "string" },
} as const;

const wholeNumber = (flag: string, min: number, max: number) => {
  const message = `${flag} must be a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);
};

const generateArgsSchema = z.object({
  generate: wholeNumber("--generate N", 1, 100_000_000),
  dirty: z
    .string()
    .regex(/^(\d+\.?\d*|\.\d+)$/, "--dirty must be a number from 0 to 1")
    .transform(Number)
    .refine((value) => value <= 1, "--dirty must be a number from 0 to 1")
    .default(0),
  skew: z.boolean(),
  format: z.enum(SAMPLE_FORMATS, { error: `--format must be one of: ${SAMPLE_FORMATS.join(", ")}` }),
  out: z.string().min(1).optional(),
  // A random seed by default, printed, so two files never share order ids yet either can be made again.
  seed: wholeNumber("--seed", 0, 2 ** 31 - 1).default(() => randomInt(1, 2 ** 31 - 1)),
  days: wholeNumber("--days", 1, 3_660).default(1),
});

/** Today's inbox file, which must not exist yet: it may be a real day's sales. */
function defaultOutput(): { file: string; exclusive: boolean } {
  const dir = inboxDir();
  if (!dir) throw new Error("No inbox folder here: set PIPELINE_INBOX_DIR, or give --out PATH.");
  return { file: inboxFileFor(new Date(), dir), exclusive: true };
}

const isFileExists = (error: unknown) => error instanceof Error && "code" in error && error.code === "EEXIST";

/** Writes the file `values` (from `parseArgs` with GENERATE_OPTIONS) ask for; returns the exit code. */
export async function generateSampleFile(values: Record<string, unknown>): Promise<number> {
  const parsed = generateArgsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => issue.message).join("\n"));
    return 1;
  }
  const { generate: lines, out, ...options } = parsed.data;
  let file = out;
  try {
    const output = out ? { file: out, exclusive: false } : defaultOutput();
    file = output.file;
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    const summary = await writeSampleFile(file, { lines, ...options, exclusive: output.exclusive });
    const messy = options.dirty > 0 ? `; messy rows: ${summary.cleanable} cleanable, ${summary.bad} bad` : "";
    console.log(
      `${file}: ${(lines + 1).toLocaleString("en")} lines (a header and ${lines.toLocaleString("en")} rows), seed ${options.seed}${messy}`,
    );
    return 0;
  } catch (error) {
    console.error(isFileExists(error) ? `${file} already exists: delete it, or give --out PATH.` : errorMessage(error));
    return 1;
  }
}
