// What a tick or a control action publishes: INVOICES_EVENT on private-invoices (every unit) and on
// private-invoices-bu-{slug} (that unit's invoices only). Invoices are split into events that fit
// Pusher's 10 KB limit, all sent in one batch; a catch-up too big for that goes as one oversized
// event, which the publisher turns into a refetch signal.
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
  /** Every unit, so state changes reach every unit's channel. */
  unitSlugs: readonly string[];
  /** New invoices per unit, oldest first. */
  created?: readonly UnitInvoices[];
  generator?: GeneratorStateChange;
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

function eventsFor(channel: string, invoices: readonly InvoiceSummary[], extra: Omit<InvoicesCreatedEvent, "invoices">): OutgoingEvent[] {
  let chunks = chunkInvoices(invoices);
  // Too many to stream: one event that exceeds the limit becomes a refetch signal.
  if (chunks.length > MAX_EVENTS_PER_CHANNEL) chunks = [[...invoices]];
  if (chunks.length === 0) {
    if (!extra.generator && !extra.reset) return [];
    chunks = [[]];
  }
  return chunks.map((chunk, index) => {
    const data: InvoicesCreatedEvent = index === chunks.length - 1 ? { invoices: chunk, ...extra } : { invoices: chunk };
    return { channel, name: INVOICES_EVENT, data };
  });
}

export function buildInvoiceEvents({ unitSlugs, created = [], generator, reset }: InvoiceEventsInput): OutgoingEvent[] {
  const all = created.flatMap((entry) => entry.invoices).sort((a, b) => a.id - b.id);
  const resetAll = reset && !reset.unit;
  const events = eventsFor(CHANNELS.invoices, all, {
    ...(generator ? { generator } : {}),
    ...(reset ? { reset: { businessUnit: reset.unit?.name ?? null } } : {}),
  });
  for (const slug of unitSlugs) {
    const own = created.find((entry) => entry.unit.slug === slug);
    // On a unit's own channel a reset always clears everything the subscriber sees.
    const unitReset = resetAll || reset?.unit?.slug === slug ? { reset: { businessUnit: null } } : {};
    events.push(...eventsFor(CHANNELS.invoicesOfUnit(slug), own?.invoices ?? [], { ...(generator ? { generator } : {}), ...unitReset }));
  }
  return events;
}
