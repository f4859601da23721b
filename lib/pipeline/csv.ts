// A streaming RFC 4180 reader tuned for big files: a line without a quote is split
// natively, only quoted records are scanned character by character. Records arrive as
// arrays of fields, a batch per chunk of text, so a million rows cost no per-row await.
// Lenient where spreadsheets are: a quote inside an unquoted field is kept as written,
// rows may have more or fewer fields than the header, and empty lines are skipped.

export interface CsvReader {
  /** Parses the complete records in `text` (plus what earlier chunks left over). */
  push(text: string): string[][];
  /** The last record, which may lack a final newline; throws on an unclosed quote. */
  end(): string[][];
}

const QUOTE = '"';

export function createCsvReader(delimiter: string): CsvReader {
  let pending = "";
  // Physical lines consumed so far, for error messages.
  let lineNumber = 0;

  /** Reads one quoted-or-mixed record at `start`; null when it continues past the text. */
  function readQuoted(text: string, start: number, final: boolean): { fields: string[]; next: number } | null {
    const fields: string[] = [];
    let position = start;
    for (;;) {
      let value: string;
      if (text[position] === QUOTE) {
        value = "";
        let from = position + 1;
        for (;;) {
          const close = text.indexOf(QUOTE, from);
          if (close === -1) {
            if (final) throw new Error(`a quoted field opened on line ${lineNumber + 1} is never closed`);
            return null;
          }
          if (text[close + 1] === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          // A closing quote at the very end of a chunk may be the first of a doubled pair.
          if (close + 1 === text.length && !final) return null;
          value += text.slice(from, close);
          position = close + 1;
          break;
        }
        const after = text[position];
        if (after !== undefined && after !== delimiter && after !== "\n" && after !== "\r") {
          throw new Error(`line ${lineNumber + 1}: unexpected ${JSON.stringify(after)} after a closing quote`);
        }
      } else {
        let end = position;
        while (end < text.length && text[end] !== delimiter && text[end] !== "\n" && text[end] !== "\r") end += 1;
        if (end === text.length && !final) return null;
        value = text.slice(position, end);
        position = end;
      }
      fields.push(value);
      const separator = text[position];
      if (separator === delimiter) {
        position += 1;
        continue;
      }
      if (separator === undefined) {
        if (!final) return null;
        return { fields, next: position };
      }
      // "\r\n" or "\n" (or a lone "\r") ends the record.
      if (separator === "\r" && position + 1 === text.length && !final) return null;
      const next = separator === "\r" && text[position + 1] === "\n" ? position + 2 : position + 1;
      return { fields, next };
    }
  }

  function parse(text: string, final: boolean): string[][] {
    const records: string[][] = [];
    let position = 0;
    while (position < text.length) {
      const newline = text.indexOf("\n", position);
      const lineEnd = newline === -1 ? text.length : newline > position && text[newline - 1] === "\r" ? newline - 1 : newline;
      const line = text.slice(position, lineEnd);
      if ((newline !== -1 || final) && !line.includes(QUOTE) && !line.includes("\r")) {
        lineNumber += 1;
        if (line !== "") records.push(line.split(delimiter));
        position = newline === -1 ? text.length : newline + 1;
        continue;
      }
      // Quoted fields, a lone "\r" line break, or a record that may continue in the next chunk.
      const record = readQuoted(text, position, final);
      if (record === null) break;
      for (let index = text.indexOf("\n", position); index !== -1 && index < record.next; index = text.indexOf("\n", index + 1)) {
        lineNumber += 1;
      }
      if (record.fields.length > 1 || record.fields[0] !== "") records.push(record.fields);
      position = record.next;
    }
    pending = text.slice(position);
    return records;
  }

  return {
    push: (text) => parse(pending + text, false),
    end: () => parse(pending, true),
  };
}
