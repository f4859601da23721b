// The invoices page's client-side view of the stream (client-safe): stats, generator status and
// the invoices known so far, folded from INVOICES_EVENT messages and merged with refetches.
import { averageCents, formatCents, parseCents } from "./money";
import type { GeneratorStatusView, GeneratorView, InvoicesCreatedEvent, InvoiceStatsView, InvoiceSummary } from "./types";

export interface InvoiceStreamData {
  stats: InvoiceStatsView;
  status: GeneratorStatusView;
  /** Oldest first (by id, which is creation order), without duplicates. */
  invoices: InvoiceSummary[];
}

/** How many invoices a refetch asks for (the API's maximum). */
export const STREAM_FETCH_LIMIT = 500;
/** A long session keeps this many rows; the oldest go first. */
export const MAX_KEPT_INVOICES = 200_000;

export const EMPTY_STATS: InvoiceStatsView = { count: 0, subtotal: "0.00", vat: "0.00", total: "0.00", average: "0.00" };

/** Index of the first invoice with an id greater than `id` (invoices sorted by id). */
export function upperBound(invoices: readonly InvoiceSummary[], id: number): number {
  let low = 0;
  let high = invoices.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (invoices[middle]!.id <= id) low = middle + 1;
    else high = middle;
  }
  return low;
}

function contains(invoices: readonly InvoiceSummary[], id: number): boolean {
  const index = upperBound(invoices, id) - 1;
  return index >= 0 && invoices[index]!.id === id;
}

/** Sorted union by id; appending newer invoices (the usual case) does not re-sort. */
function mergeSorted(current: readonly InvoiceSummary[], added: readonly InvoiceSummary[]): InvoiceSummary[] {
  if (added.length === 0) return current as InvoiceSummary[];
  const sortedAdded = [...added].sort((a, b) => a.id - b.id);
  const last = current.at(-1);
  const merged =
    !last || sortedAdded[0]!.id > last.id ? [...current, ...sortedAdded] : [...current, ...sortedAdded].sort((a, b) => a.id - b.id);
  return merged.length > MAX_KEPT_INVOICES ? merged.slice(merged.length - MAX_KEPT_INVOICES) : merged;
}

/** Adds invoices to running totals, exactly (integer cents). */
export function addToStats(stats: InvoiceStatsView, invoices: readonly InvoiceSummary[]): InvoiceStatsView {
  if (invoices.length === 0) return stats;
  let subtotal = parseCents(stats.subtotal);
  let vat = parseCents(stats.vat);
  let total = parseCents(stats.total);
  for (const invoice of invoices) {
    subtotal += parseCents(invoice.subtotal);
    vat += parseCents(invoice.vat);
    total += parseCents(invoice.total);
  }
  const count = stats.count + invoices.length;
  return {
    count,
    subtotal: formatCents(subtotal),
    vat: formatCents(vat),
    total: formatCents(total),
    average: formatCents(averageCents(total, count)),
  };
}

/** Folds one event into the view. Invoices already known (from a refetch) are not counted twice. */
export function applyInvoicesEvent(current: InvoiceStreamData, event: InvoicesCreatedEvent): InvoiceStreamData {
  let { stats, status, invoices } = current;
  if (event.reset) {
    const unit = event.reset.businessUnit;
    invoices = unit === null ? [] : invoices.filter((invoice) => invoice.businessUnit !== unit);
    // A partial reset's remaining totals are unknown here; the page refetches them.
    if (unit === null) stats = EMPTY_STATS;
  }
  const fresh = event.invoices.filter((invoice) => !contains(invoices, invoice.id));
  invoices = mergeSorted(invoices, fresh);
  stats = addToStats(stats, fresh);
  // Events without a producer come from a server that knew one generator: the one shown on top.
  const producer = event.producer === undefined ? status.businessUnit : event.producer;
  status = updateGenerator(status, producer, (entry) => ({ ...entry, produced: entry.produced + fresh.length }));
  const change = event.generator;
  if (change) {
    const { businessUnit, state, ratePerSecond, durationSeconds, startedAt, endsAt } = change;
    status = updateGenerator(status, businessUnit, (entry) => {
      const sameRun = startedAt !== null && startedAt === entry.startedAt;
      const produced = sameRun ? entry.produced : startedAt && producer === businessUnit ? fresh.length : 0;
      return { businessUnit, state, ratePerSecond, durationSeconds, startedAt, endsAt, produced };
    });
  }
  return { stats, status, invoices };
}

/** Updates the generator keyed `key` (a unit's slug, null for the all-units one) in the list and, if it is the one shown on top, there. */
function updateGenerator(
  status: GeneratorStatusView,
  key: string | null,
  update: (entry: GeneratorView) => GeneratorView,
): GeneratorStatusView {
  const generators = status.generators.map((entry) => (entry.businessUnit === key ? update(entry) : entry));
  if (status.businessUnit !== key) return { ...status, generators };
  const top = update(status);
  return { ...top, ratePerSecond: top.ratePerSecond ?? status.ratePerSecond, generators };
}

/**
 * Merges a refetch into what the page already holds. The fetched newest invoices are the truth
 * for the ids they span (anything missing there was removed by a reset); newer ones that arrived
 * by events meanwhile stay; older ones stay unless the fetch returned everything there is.
 */
export function mergeFetched(
  current: InvoiceStreamData | undefined,
  fetched: { stats: InvoiceStatsView; status: GeneratorStatusView; newestFirst: InvoiceSummary[] },
  limit = STREAM_FETCH_LIMIT,
): InvoiceStreamData {
  const ascending = [...fetched.newestFirst].sort((a, b) => a.id - b.id);
  if (!current) return { stats: fetched.stats, status: fetched.status, invoices: ascending };
  const complete = fetched.newestFirst.length < limit;
  const lowest = ascending[0]?.id ?? Number.POSITIVE_INFINITY;
  const highest = ascending.at(-1)?.id ?? Number.NEGATIVE_INFINITY;
  // An empty, complete answer means there is nothing (left) to show.
  const kept =
    ascending.length === 0 && complete
      ? []
      : current.invoices.filter((invoice) => invoice.id > highest || (!complete && invoice.id < lowest));
  return { stats: fetched.stats, status: fetched.status, invoices: mergeSorted(kept, ascending) };
}
