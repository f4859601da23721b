// A streaming RFC 4180 reader tuned for big files: a line without a quote is split
// natively, only quoted records are scanned character by character. Records arrive as
// arrays of fields, a batch per chunk of text, so a million rows cost no per-row await.
// Lenient where spreadsheets are: a quote inside an unquoted field is kept as written,
// rows may have more or fewer fields than the header, and empty lines are skipped.
// Hostile files fail fast: a record is capped in length and field count, and a record
// cut by a chunk boundary resumes where the scan stopped, so every character is read once.

export interface CsvReader {
  /** Parses the complete records in `text` (plus what earlier chunks left over). */
  push(text: string): string[][];
  /** The last record, which may lack a final newline; throws on an unclosed quote. */
  end(): string[][];
}

/** Characters one record may hold, line break excluded. */
export const MAX_RECORD_CHARS = 1024 * 1024;
export const MAX_FIELDS = 500;

const QUOTE = '"';

/** Picks the delimiter the header line uses most. */
export function detectDelimiter(firstChunk: string): string {
  // Only the header's start: a hostile first chunk may be megabytes without a line break.
  const header = firstChunk.slice(0, 64 * 1024).split(/\r?\n/, 1)[0] ?? "";
  const counts = [",", ";", "\t"].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.reduce((best, current) => (current[1] > best[1] ? current : best))[0];
}

// Where the scan of the record in progress stands.
const IDLE = 0;
const FIELD_START = 1;
const UNQUOTED = 2;
const QUOTED = 3;
/** A quote inside a quoted field: closing, or the first of a doubled pair. */
const QUOTE_SEEN = 4;
/** After a closing quote: only a delimiter or a line break may follow. */
const CLOSED = 5;

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) count += 1;
  return count;
}

export function createCsvReader(delimiter: string): CsvReader {
  // Physical lines consumed so far, for error messages.
  let lineNumber = 0;
  // The record in progress: where it started, its completed fields, the field being read.
  let state: number = IDLE;
  let recordLine = 0;
  let recordLength = 0;
  let fields: string[] = [];
  let pendingValue = "";

  const tooLong = (quoted: boolean) =>
    new Error(`line ${recordLine}: a record is longer than 1 MiB${quoted ? " (inside a quoted field: is a quote never closed?)" : ""}`);
  const tooManyFields = (line: number) => new Error(`line ${line}: more than ${MAX_FIELDS} fields`);

  /**
   * Reads the record in progress from `position`; returns where it ended, or text.length if it goes on.
   * `newlineAt` is the first "\n" at or after `position` (or text.length), so quoted fields before it skip the count.
   */
  function scan(text: string, position: number, records: string[][], newlineAt: number): number {
    const from = position;
    // One character past the record's remaining allowance, so an over-long record fails without reading further.
    const bound = Math.min(text.length, from + MAX_RECORD_CHARS - recordLength + 1);
    let at = position;
    // Locals rather than the closure's state in the hot loop; written back when the record pauses or ends.
    let mode = state;
    let value = pendingValue;
    for (;;) {
      if (mode === FIELD_START && at < bound) {
        mode = text[at] === QUOTE ? QUOTED : UNQUOTED;
        if (mode === QUOTED) at += 1;
      }
      if (mode === UNQUOTED) {
        let end = at;
        while (end < bound && text[end] !== delimiter && text[end] !== "\n" && text[end] !== "\r") end += 1;
        value += text.slice(at, end);
        at = end;
      } else {
        while (mode === QUOTED || mode === QUOTE_SEEN) {
          if (mode === QUOTED) {
            const close = text.indexOf(QUOTE, at);
            const end = close === -1 || close >= bound ? bound : close;
            const piece = text.slice(at, end);
            value += piece;
            if (end > newlineAt) {
              lineNumber += countNewlines(piece);
              newlineAt = text.indexOf("\n", end);
              if (newlineAt === -1) newlineAt = text.length;
            }
            at = end;
            if (at === bound) break;
            at += 1;
            mode = QUOTE_SEEN;
          }
          if (at === bound) break;
          if (text[at] !== QUOTE) mode = CLOSED;
          else {
            value += QUOTE;
            at += 1;
            mode = QUOTED;
          }
        }
      }
      if (at - from + recordLength > MAX_RECORD_CHARS) throw tooLong(mode === QUOTED || mode === QUOTE_SEEN);
      if (at >= bound) {
        recordLength += at - from;
        state = mode;
        pendingValue = value;
        return at;
      }
      // A delimiter or a line break ends the field (after a closing quote, nothing else may follow).
      const separator = text[at]!;
      if (separator === delimiter) {
        fields.push(value);
        value = "";
        if (fields.length >= MAX_FIELDS) throw tooManyFields(recordLine);
        mode = FIELD_START;
        at += 1;
        continue;
      }
      if (separator !== "\n" && separator !== "\r")
        throw new Error(`line ${recordLine}: unexpected ${JSON.stringify(separator)} after a closing quote`);
      // The "\n" of a "\r\n" is then read as an empty line, which is skipped.
      if (separator === "\n") lineNumber += 1;
      fields.push(value);
      if (fields.length > 1 || value !== "") records.push(fields);
      fields = [];
      pendingValue = "";
      state = IDLE;
      recordLength = 0;
      return at + 1;
    }
  }

  function parse(text: string, final: boolean): string[][] {
    const records: string[][] = [];
    let position = state === IDLE ? 0 : scan(text, 0, records, 0);
    while (position < text.length) {
      const newline = text.indexOf("\n", position);
      if (newline !== -1) {
        const lineEnd = newline > position && text[newline - 1] === "\r" ? newline - 1 : newline;
        if (lineEnd - position <= MAX_RECORD_CHARS) {
          const line = text.slice(position, lineEnd);
          if (!line.includes(QUOTE) && !line.includes("\r")) {
            lineNumber += 1;
            if (line !== "") {
              const split = line.split(delimiter, MAX_FIELDS + 1);
              if (split.length > MAX_FIELDS) throw tooManyFields(lineNumber);
              records.push(split);
            }
            position = newline + 1;
            continue;
          }
        }
      }
      // Quoted fields, a lone "\r" line break, an over-long line, or a record that goes on in the next chunk.
      state = FIELD_START;
      recordLine = lineNumber + 1;
      position = scan(text, position, records, newline === -1 ? text.length : newline);
    }
    if (final && state !== IDLE) {
      if (state === QUOTED) throw new Error(`a quoted field opened on line ${recordLine} is never closed`);
      fields.push(pendingValue);
      if (fields.length > 1 || pendingValue !== "") records.push(fields);
      state = IDLE;
    }
    return records;
  }

  return {
    push: (text) => parse(text, false),
    end: () => parse("", true),
  };
}
