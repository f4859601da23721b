import { Readable } from "node:stream";

import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { createCsvReader } from "../lib/pipeline/csv";
import { readSourceBatches } from "../lib/pipeline/extract";
import { PRESETS } from "../lib/pipeline/mapping";

/** Feeds `text` to a reader in the given pieces and returns every record. */
function readInPieces(text: string, delimiter: string, cuts: number[]): string[][] {
  const reader = createCsvReader(delimiter);
  const records: string[][] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    records.push(...reader.push(text.slice(from, cut)));
    from = cut;
  }
  records.push(...reader.push(text.slice(from)), ...reader.end());
  return records;
}

const quoteIfNeeded = (value: string, delimiter: string, always: boolean) =>
  always || /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;

describe("CSV reader", () => {
  it("reads back any records written per RFC 4180, however the text is cut into chunks", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "é", " ", ",", ";", '"', "\r", "\n", "\r\n", "1", "🙂"), maxLength: 8 });
    const file = fc.record({
      // A record of one empty field is an empty line, which readers skip.
      records: fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { maxLength: 8 }),
      delimiter: fc.constantFrom(",", ";"),
      newline: fc.constantFrom("\n", "\r\n"),
      quoteAll: fc.boolean(),
      finalNewline: fc.boolean(),
      cuts: fc.array(fc.nat(), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(file, ({ records, delimiter, newline, quoteAll, finalNewline, cuts }) => {
        const lines = records.map((fields) => fields.map((value) => quoteIfNeeded(value, delimiter, quoteAll)).join(delimiter));
        const text = lines.join(newline) + (finalNewline && lines.length > 0 ? newline : "");
        const parsed = readInPieces(
          text,
          delimiter,
          cuts.map((cut) => cut % (text.length + 1)),
        );
        expect(parsed).toEqual(records);
      }),
      { numRuns: 2000 },
    );
  });

  it("skips empty lines, keeps a stray quote in an unquoted field, and accepts old Mac line breaks", () => {
    expect(readInPieces('a,b\n\n12" pipe,x\r\n', ",", [])).toEqual([
      ["a", "b"],
      ['12" pipe', "x"],
    ]);
    expect(readInPieces("a;b\rc;d\r", ";", [4])).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("fails on a quote that is never closed, and on text after a closing quote", () => {
    expect(() => readInPieces('a,b\n"open,c\nd,e\n', ",", [])).toThrow("a quoted field opened on line 2 is never closed");
    expect(() => readInPieces('a,b\n"x"y,c\n', ",", [])).toThrow('line 2: unexpected "y" after a closing quote');
  });
});

describe("extract", () => {
  const read = async (bytes: Buffer, encoding: (typeof PRESETS.canonical)["encoding"]) => {
    const facts: { header?: string[]; sizeBytes?: number } = {};
    const batches: string[][] = [];
    for await (const batch of readSourceBatches(Readable.from([bytes]), { ...PRESETS.canonical, encoding }, facts)) batches.push(...batch);
    return { header: facts.header, rows: batches, sizeBytes: facts.sizeBytes };
  };

  it("decodes UTF-8 with a BOM, Windows-1252 and code page 437, and detects the delimiter", async () => {
    const utf8 = await read(Buffer.from("\ufeff name ;city\nJosé;Zürich"), "utf-8");
    expect(utf8).toEqual({ header: ["name", "city"], rows: [["José", "Zürich"]], sizeBytes: 28 });
    expect((await read(iconv.encode("name,city\nJosé,Zürich\n", "windows-1252"), "windows-1252")).rows).toEqual([["José", "Zürich"]]);
    expect((await read(iconv.encode("name\tcity\nJosé\tZürich\n", "cp437"), "cp437")).rows).toEqual([["José", "Zürich"]]);
  });

  it("fails the read when the input stream breaks", async () => {
    const broken = new Readable({
      read() {
        this.push("a,b\n1,2\n");
        this.destroy(new Error("connection reset"));
      },
    });
    const facts = {};
    await expect(
      (async () => {
        for await (const batch of readSourceBatches(broken, PRESETS.canonical, facts)) void batch;
      })(),
    ).rejects.toThrow("connection reset");
  });
});
