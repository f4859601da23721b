// A file's header and first rows, read from its first bytes only: the New run dialog reads it in
// the browser to ask for a mapping, and the upload route reads it to detect one. Client-safe.
import { createCsvReader, detectDelimiter } from "./csv";

/** Bytes read from the start of a file: a header and 20 rows fit many times over. */
export const SAMPLE_BYTES = 256 * 1024;
export const SAMPLE_ROWS = 20;
/** Sample values are cut to this length: detection needs their shape, not their whole text. */
export const SAMPLE_VALUE_CHARS = 200;

export interface CsvSample {
  header: string[];
  samples: string[][];
}

/** The header (trimmed, as the pipeline reads it) and up to `rows` records; null when no header can be read. */
export async function readCsvSample(file: Blob, rows = SAMPLE_ROWS): Promise<CsvSample | null> {
  const text = (await file.slice(0, SAMPLE_BYTES).text()).replace(/^\uFEFF/, "");
  try {
    const reader = createCsvReader(detectDelimiter(text));
    const records = reader.push(text);
    // Only a whole file's last record is complete without its line break.
    if (file.size <= SAMPLE_BYTES) records.push(...reader.end());
    const [header, ...samples] = records;
    if (!header || header.every((name) => name.trim() === "")) return null;
    return {
      header: header.map((name) => name.trim()),
      samples: samples.slice(0, rows).map((record) => record.map((value) => value.slice(0, SAMPLE_VALUE_CHARS))),
    };
  } catch {
    // A header past the record limits, or an unclosed quote: the run itself reports the file's problem.
    return null;
  }
}
