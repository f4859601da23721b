import { z } from "zod";

import { csvRows, type CsvCell } from "./csv-rows";

/** `?format=json|csv` of the routes that can answer either way. */
export const exportFormatSchema = z.object({ format: z.enum(["json", "csv"]).default("json") });

type Rows = readonly (readonly CsvCell[])[];

/**
 * A CSV download: the header, then each batch of rows as the client reads. Batches are
 * pulled one at a time, so a slow download never holds more than one batch in memory.
 */
export function csvResponse(fileName: string, columns: readonly string[], batches: AsyncIterable<Rows> | Iterable<Rows>): Response {
  const encoder = new TextEncoder();
  const iterator = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRows([columns])));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvRows(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` },
  });
}
