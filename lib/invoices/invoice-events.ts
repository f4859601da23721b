// What a tick or a control action publishes: INVOICES_EVENT on private-invoices (every unit, every
// generator) and on private-invoices-bu-{slug} (that unit's invoices and generators only). Invoices are
// split into events that fit Pusher's 10 KB limit, all sent in one batch; a catch-up too big for that
// goes as one oversized event, which the publisher turns into a refetch signal.
import { CHANNELS } from "../realtime/channels";
import type { OutgoingEvent } from "../realtime/publish";
import { INVOICES_EVENT, type GeneratorStateChange, type InvoicesCreatedEvent, type InvoiceSummary } from "./types";

// Room left for the message wrapper (seq, sentAt) and the generator state under the 10 KB limit.
const MAX_INVOICE_BYTES = 9_000;
const MAX_EVENTS_PER_CHANNEL = 64;

export interface UnitInvoices {
  unit: { slug: string; name: string };
  invoices: InvoiceSummary[];
}

export interface InvoiceEventsInput {
  /** Every unit, so all-units news reaches every unit's channel. */
  unitSlugs: readonly string[];
  /** The generator that made `created`: its unit's slug, or null for the all-units generator. */
  producer?: string | null;
  /** New invoices per unit, oldest first. */
  created?: readonly UnitInvoices[];
  /** Generators that changed. */
  changes?: readonly GeneratorStateChange[];
  /** Reset of one unit (its slug and name) or of all units (null). */
  reset?: { unit: { slug: string; name: string } | null };
}

/** Splits invoices into runs whose JSON stays under the byte limit. */
export function chunkInvoices(invoices: readonly InvoiceSummary[], maxBytes = MAX_INVOICE_BYTES): InvoiceSummary[][] {
  const chunks: InvoiceSummary[][] = [];
  let current: InvoiceSummary[] = [];
  let bytes = 0;
  for (const invoice of invoices) {
    const size = Buffer.byteLength(JSON.stringify(invoice)) + 1;
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(invoice);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

type Extra = Omit<InvoicesCreatedEvent, "invoices" | "generator">;

/** The invoices in chunks (each tagged with their producer), then one event per change; the first change and `extra` ride on the last chunk. */
function eventsFor(
  channel: string,
  invoices: readonly InvoiceSummary[],
  changes: readonly GeneratorStateChange[],
  extra: Extra,
): OutgoingEvent[] {
  let chunks = chunkInvoices(invoices);
  // Too many to stream: one event that exceeds the limit becomes a refetch signal.
  if (chunks.length > MAX_EVENTS_PER_CHANNEL) chunks = [[...invoices]];
  const [first, ...rest] = changes;
  if (chunks.length === 0) {
    if (!first && !extra.reset) return [];
    chunks = [[]];
  }
  const events = chunks.map((chunk, index): InvoicesCreatedEvent => {
    const base = { invoices: chunk, ...(chunk.length > 0 && extra.producer !== undefined ? { producer: extra.producer } : {}) };
    return index === chunks.length - 1
      ? { ...base, ...(first ? { generator: first } : {}), ...(extra.reset ? { reset: extra.reset } : {}) }
      : base;
  });
  events.push(...rest.map((generator) => ({ invoices: [], generator })));
  return events.map((data) => ({ channel, name: INVOICES_EVENT, data }));
}

/** A unit's channel sees the all-units generator as its share of that run: without the rate, which spans other units. */
const shareOf = (change: GeneratorStateChange): GeneratorStateChange => ({ ...change, ratePerSecond: null });

export function buildInvoiceEvents({ unitSlugs, producer, created = [], changes = [], reset }: InvoiceEventsInput): OutgoingEvent[] {
  const all = created.flatMap((entry) => entry.invoices).sort((a, b) => a.id - b.id);
  const resetAll = reset && !reset.unit;
  const events = eventsFor(CHANNELS.invoices, all, changes, {
    producer,
    ...(reset ? { reset: { businessUnit: reset.unit?.name ?? null } } : {}),
  });
  for (const slug of unitSlugs) {
    const own = created.find((entry) => entry.unit.slug === slug);
    const unitChanges = changes.flatMap((change) =>
      change.businessUnit === slug ? [change] : change.businessUnit === null ? [shareOf(change)] : [],
    );
    // On a unit's own channel a reset always clears everything the subscriber sees.
    const unitReset = resetAll || reset?.unit?.slug === slug ? { reset: { businessUnit: null } } : {};
    events.push(...eventsFor(CHANNELS.ofUnit("invoices", slug), own?.invoices ?? [], unitChanges, { producer, ...unitReset }));
  }
  return events;
}
