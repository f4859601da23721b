// Sample sales CSVs for the CLI (`npm run etl -- --generate N`), the benchmarks and the tests:
// the canonical columns, or the layout of the Python tool Pulseboard replaces ("fluxcli").
// Written in chunks as it goes, so a file of any size takes little memory; the same options
// and seed always give the same bytes.
import { open, type FileHandle } from "node:fs/promises";

import { createRandom } from "../seed/random";
import { businessDate } from "../time/business-time";
import { CANONICAL_COLUMNS } from "./columns";
import { createSampleCatalog, type SampleOrder, type SampleProduct } from "./sample-catalog";
import {
  BAD_KINDS,
  CLEANABLE_KINDS,
  formatCents,
  pad,
  spoilFields,
  type MessyKind,
  type SampleDay,
  type SpoilableFields,
} from "./sample-values";

export const SAMPLE_FORMATS = ["canonical", "fluxcli"] as const;
export type SampleFormat = (typeof SAMPLE_FORMATS)[number];

export interface SampleFileOptions {
  /** Data rows, under one header line. */
  lines: number;
  /** Default 1. */
  seed?: number;
  /** Default canonical. */
  format?: SampleFormat;
  /** Share of rows, in [0, 1], with one messy price, date or quantity. */
  dirty?: number;
  /** Zipf-like stores, products and customers, with a walk-in customer; else uniform. */
  skew?: boolean;
  /** The file's last business day, YYYY-MM-DD (default: today in business time). */
  lastDay?: string;
  /** Days the file spans, ending on `lastDay` (default 1: a daily file). */
  days?: number;
  /** Lines per order in a canonical file (default 4); a fluxcli file has one line per ID. */
  linesPerOrder?: number;
  /** Default `G<lastDay>-<seed>-`: no clash with the demo seed's orders, nor with other days' or seeds' files. */
  orderPrefix?: string;
  /** Refuse to replace an existing file. */
  exclusive?: boolean;
}

export interface SampleFileSummary {
  lines: number;
  /** Messy rows by kind. */
  messy: Record<MessyKind, number>;
  cleanable: number;
  bad: number;
}

type FormatRow = (order: SampleOrder, line: number, product: SampleProduct, fields: SpoilableFields) => string;

const LAYOUTS: Record<SampleFormat, { header: string; dateTime: (day: string, time: string) => string; row: FormatRow }> = {
  canonical: {
    header: CANONICAL_COLUMNS.filter((column) => column !== "line_amount" && column !== "line_profit").join(","),
    dateTime: (day, time) => `${day}T${time}`,
    row: (order, line, product, { date, quantity, price }) =>
      `${order.id},${line},${date},${order.unit},${order.region},${order.branch},${order.salesperson},${order.customer.code},${order.customer.name},` +
      `${product.sku},${product.description},${quantity},${price},${product.unitCost},${order.discount}\n`,
  },
  fluxcli: {
    header: "ID,Date,Product,Qty,Price,Store_ID",
    dateTime: (day, time) => `${day} ${time}`,
    row: (order, _, product, { date, quantity, price }) => `${order.id},${date},${product.sku},${quantity},${price},${order.branch}\n`,
  },
};

// Orders are spread evenly over trading hours, 08:00 to 20:00 business time, day after day.
const OPENS_AT = 8 * 3600;
const TRADING_SECONDS = 12 * 3600;
const DAY_MS = 86_400_000;
const CHUNK_BYTES = 1 << 16;

function sampleDays(lastDay: string, count: number): SampleDay[] {
  const last = Date.parse(`${lastDay}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(lastDay) || Number.isNaN(last)) throw new Error(`lastDay "${lastDay}" is not a YYYY-MM-DD date`);
  return Array.from({ length: count }, (_, index) => {
    const iso = new Date(last - (count - 1 - index) * DAY_MS).toISOString().slice(0, 10);
    return { iso, year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
  });
}

function timeOfDay(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/**
 * Rows encoded straight into one reused buffer, written out whenever it is full: each row's
 * string dies young, so the heap stays small however long the file.
 */
class ChunkedWriter {
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(private readonly handle: FileHandle) {}

  /** Whether `text` (at most 3 bytes per UTF-16 unit) may not fit before a flush. */
  isFullFor(text: string): boolean {
    return this.used + text.length * 3 > CHUNK_BYTES;
  }

  add(text: string): void {
    this.used += this.buffer.write(text, this.used);
  }

  async flush(): Promise<void> {
    for (let done = 0; done < this.used;) done += (await this.handle.write(this.buffer, done, this.used - done)).bytesWritten;
    this.used = 0;
  }
}

export async function writeSampleFile(file: string, options: SampleFileOptions): Promise<SampleFileSummary> {
  const { lines, seed = 1, format = "canonical", dirty = 0, skew = false, days: dayCount = 1 } = options;
  if (!Number.isInteger(lines) || lines < 1) throw new Error(`lines must be a positive integer, got ${lines}`);
  const days = sampleDays(options.lastDay ?? businessDate(new Date()), dayCount);
  const prefix = options.orderPrefix ?? `G${days.at(-1)!.iso.replaceAll("-", "")}-${seed}-`;
  const perOrder = format === "fluxcli" ? 1 : (options.linesPerOrder ?? 4);
  const layout = LAYOUTS[format];
  const random = createRandom(seed);
  // Its own stream: a dirty file is the clean one of the same seed with some fields spoilt.
  const messRandom = createRandom(seed + 1);
  const catalog = createSampleCatalog(random, skew);
  const messy = Object.fromEntries([...CLEANABLE_KINDS, ...BAD_KINDS].map((kind) => [kind, 0])) as Record<MessyKind, number>;
  const orders = Math.ceil(lines / perOrder);

  const handle = await open(file, options.exclusive ? "wx" : "w");
  try {
    const out = new ChunkedWriter(handle);
    out.add(`${layout.header}\n`);
    let written = 0;
    for (let order = 0; written < lines; order++) {
      const clock = Math.floor((order * days.length * TRADING_SECONDS) / orders);
      const day = days[Math.floor(clock / TRADING_SECONDS)]!;
      const date = layout.dateTime(day.iso, timeOfDay(OPENS_AT + (clock % TRADING_SECONDS)));
      const size = Math.min(perOrder, lines - written);
      const current = catalog.drawOrder(`${prefix}${order + 1}`, size);
      for (let line = 1; line <= size; line++) {
        const product = catalog.drawProduct(current.unit);
        const fields = {
          date,
          quantity: String(1 + Math.floor(random.next() * product.typicalQuantity)),
          price: formatCents(product.unitPriceCents),
        };
        if (dirty > 0 && messRandom.chance(dirty)) messy[spoilFields(fields, product.unitPriceCents, day, messRandom)] += 1;
        const row = layout.row(current, line, product, fields);
        if (out.isFullFor(row)) await out.flush();
        out.add(row);
        written += 1;
      }
    }
    await out.flush();
  } finally {
    await handle.close();
  }
  const total = (kinds: readonly MessyKind[]) => kinds.reduce((sum, kind) => sum + messy[kind], 0);
  return { lines, messy, cleanable: total(CLEANABLE_KINDS), bad: total(BAD_KINDS) };
}
