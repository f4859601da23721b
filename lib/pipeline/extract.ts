// Extract: bytes → decoded text → CSV records, streamed end to end (RFC 4180, BOM,
// CRLF or LF, quoted fields, `,` `;` or tab). The file never sits in memory whole.
import { createHash } from "node:crypto";
import type { Readable, Transform } from "node:stream";

import iconv from "iconv-lite";

import { createCsvReader, detectDelimiter, type CsvReader } from "./csv";
import type { Mapping } from "./mapping";

export interface FileFacts {
  sizeBytes: number;
  sha256: string;
  header: string[];
}

/**
 * Streams the data records of `input` as arrays of fields, a batch per chunk read, and fills
 * in `facts.header` (before the first batch) and the byte count and SHA-256 (once exhausted).
 */
export async function* readSourceBatches(input: Readable, mapping: Mapping, facts: Partial<FileFacts> = {}): AsyncGenerator<string[][]> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  const decoded = input
    .on("data", (chunk: Buffer) => {
      hash.update(chunk);
      sizeBytes += chunk.length;
    })
    .pipe(iconv.decodeStream(mapping.encoding, { stripBOM: true }) as Transform);
  // A read error (a broken connection) fails the run rather than ending the file early.
  input.on("error", (error) => decoded.destroy(error));
  let reader: CsvReader | null = null;
  const withoutHeader = (records: string[][]) => {
    if (facts.header === undefined && records.length > 0) facts.header = records.shift()!.map((name) => name.trim());
    return records;
  };
  try {
    for await (const text of decoded as AsyncIterable<string>) {
      reader ??= createCsvReader(mapping.delimiter === "auto" ? detectDelimiter(text) : mapping.delimiter);
      const records = withoutHeader(reader.push(text));
      if (records.length > 0) yield records;
    }
    const last = withoutHeader(reader?.end() ?? []);
    if (last.length > 0) yield last;
  } finally {
    // A parse error stops reading at once: the source (a file, a response body) is closed, not left paused.
    input.destroy();
  }
  Object.assign(facts, { sizeBytes, sha256: hash.digest("hex") });
}
