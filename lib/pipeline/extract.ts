// Extract: bytes → decoded text → CSV records, streamed end to end (RFC 4180, BOM,
// CRLF or LF, quoted fields, `,` `;` or tab). The file never sits in memory whole.
import { createHash } from "node:crypto";
import { PassThrough, type Readable } from "node:stream";

import { parse } from "csv-parse";
import iconv from "iconv-lite";

import type { Mapping } from "./mapping";

export interface SourceRecord {
  rowNumber: number;
  source: Record<string, string>;
}

export interface FileFacts {
  sizeBytes: number;
  sha256: string;
  header: string[];
}

/** Picks the delimiter the header line uses most. */
function detectDelimiter(firstChunk: string): string {
  const header = firstChunk.split(/\r?\n/, 1)[0] ?? "";
  const counts = [",", ";", "\t"].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.reduce((best, current) => (current[1] > best[1] ? current : best))[0];
}

/**
 * Streams the records of `input` as header → value objects, numbering data rows from 1.
 * `facts` fills in the byte count and SHA-256 once the input is exhausted.
 */
export async function* readSourceRecords(input: Readable, mapping: Mapping, facts: Partial<FileFacts> = {}): AsyncGenerator<SourceRecord> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  const decoded = input
    .on("data", (chunk: Buffer) => {
      hash.update(chunk);
      sizeBytes += chunk.length;
    })
    .pipe(iconv.decodeStream(mapping.encoding, { stripBOM: true }));
  const text = decoded[Symbol.asyncIterator]();
  const first = await text.next();
  if (first.done) {
    Object.assign(facts, { sizeBytes, sha256: hash.digest("hex") });
    return;
  }
  const firstChunk = first.value as string;
  const delimiter = mapping.delimiter === "auto" ? detectDelimiter(firstChunk) : mapping.delimiter;
  const parser = parse({
    columns: (header: string[]) => (facts.header = header.map((name) => name.trim())),
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const feed = new PassThrough({ encoding: "utf8" });
  feed.pipe(parser);
  feed.write(firstChunk);
  // Errors in the input (a broken connection, bad bytes) surface through the parser.
  void (async () => {
    try {
      for (let next = await text.next(); !next.done; next = await text.next()) {
        if (!feed.write(next.value)) await new Promise((resolve) => feed.once("drain", resolve));
      }
      feed.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  let rowNumber = 0;
  for await (const source of parser as AsyncIterable<Record<string, string>>) {
    rowNumber += 1;
    yield { rowNumber, source };
  }
  Object.assign(facts, { sizeBytes, sha256: hash.digest("hex") });
}
