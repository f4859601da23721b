import "server-only";

import { noticeGeneratorEnded } from "../notices/generator-ended";
import { publishEvents, type OutgoingEvent } from "../realtime/publish";
import { createRandom, type Random } from "../seed/random";
import { db } from "../server/db";
import { env } from "../server/env";
import { getInvoiceCatalog, isGeneratable, type InvoiceCatalog } from "./catalog";
import { draftInvoices } from "./draft-invoices";
import { dueBy, lockGenerator, runTotal, scopeSlugOf, toStateChange, type GeneratorRow } from "./generator-state";
import { insertInvoices } from "./insert-invoices";
import { buildInvoiceEvents } from "./invoice-events";
import { rateFromFraction } from "./money";
import type { InvoiceSummary } from "./types";

// A restart after a long pause catches up over several ticks rather than in one huge transaction.
export const MAX_INVOICES_PER_TICK = 5_000;

export interface TickOptions {
  /** The tick's clock; tests pass simulated time. */
  now?: Date;
  publish?: (events: readonly OutgoingEvent[]) => Promise<void>;
  catalog?: InvoiceCatalog;
  random?: Random;
}

/** What a tick did to one running generator. */
export interface GeneratorTick {
  /** The generator's unit slug; null for the all-units generator. */
  businessUnit: string | null;
  inserted: number;
  /** Invoices of its run so far. */
  produced: number;
  state: GeneratorRow["status"];
  /** Another tick or a control action held this generator: the tick left it alone. */
  skipped: boolean;
}

export interface TickResult {
  /** Invoices this tick inserted, over every generator. */
  inserted: number;
  /** Invoices of the runs this tick looked at, together. */
  produced: number;
  /** RUNNING while any generator still runs. */
  state: GeneratorRow["status"];
  /** Every running generator was held by another tick or a control action: this tick did nothing. */
  skipped: boolean;
  /** Time spent in the database transactions, in ms. */
  writeMs: number;
  /** performance.now() when the last invoices were committed (before publishing). */
  committedAt: number;
  invoices: InvoiceSummary[];
  generators: GeneratorTick[];
}

interface Shared {
  now: Date;
  catalog: InvoiceCatalog;
  random: Random;
  vatRate: bigint;
  publish: (events: readonly OutgoingEvent[]) => Promise<void>;
}

/**
 * One generator's step, under a lock on its own row (SKIP LOCKED: a concurrent tick or control
 * makes this one pass), so ticks never duplicate and a restart catches up. Ends the run at endsAt.
 */
async function tickGenerator(id: number, { now, catalog, random, vatRate, publish }: Shared) {
  const started = performance.now();
  const outcome = await db.$transaction(
    async (tx) => {
      const row = await lockGenerator(tx, id, { skipLocked: true });
      if (!row) return null;
      if (row.status !== "RUNNING") return { row, created: [], finished: false };
      const count = Math.min(dueBy(row, now) - row.produced, MAX_INVOICES_PER_TICK);
      const units = catalog.units.filter((unit) => isGeneratable(unit) && (row.businessUnitId === null || unit.id === row.businessUnitId));
      let created: Awaited<ReturnType<typeof insertInvoices>> = [];
      if (count > 0 && units.length > 0) {
        const drafts = draftInvoices(catalog, units, {
          firstSequence: row.produced + 1,
          count,
          startedAt: row.startedAt!,
          ratePerSecond: row.ratePerSecond,
          vatRate,
          random,
        });
        created = await insertInvoices(tx, drafts, catalog, vatRate);
      }
      const produced = row.produced + created.length;
      const producedByUnit = { ...row.producedByUnit };
      for (const entry of created) producedByUnit[entry.unitId] = (producedByUnit[entry.unitId] ?? 0) + 1;
      // The run ends once its last invoice is in (or if nothing can be generated any more).
      const finished = now >= row.endsAt! && (produced >= runTotal(row) || units.length === 0);
      if (created.length > 0 || finished) {
        await tx.$executeRaw`
          UPDATE "GeneratorState" SET produced = ${produced}, "producedByUnit" = ${JSON.stringify(producedByUnit)}::jsonb,
            status = ${finished ? "IDLE" : row.status}::"GeneratorStatus", "updatedAt" = now()
          WHERE id = ${id}`;
      }
      return { row: { ...row, produced, producedByUnit, status: finished ? ("IDLE" as const) : row.status }, created, finished };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  const committedAt = performance.now();
  if (!outcome) return null;

  const { row, created, finished } = outcome;
  const unitSlugs = new Map(catalog.units.map((unit) => [unit.id, unit.slug]));
  if (created.length > 0 || finished) {
    const events = buildInvoiceEvents({
      unitSlugs: catalog.units.map((unit) => unit.slug),
      producer: scopeSlugOf(row, unitSlugs),
      created: catalog.units
        .map((unit) => ({ unit, invoices: created.filter((entry) => entry.unitId === unit.id).map((entry) => entry.summary) }))
        .filter((entry) => entry.invoices.length > 0),
      changes: finished ? [toStateChange(row, unitSlugs)] : [],
    });
    await publish(events);
  }
  if (finished) await noticeGeneratorEnded(id, { startedAt: row.startedAt, produced: row.produced, unit: scopeSlugOf(row, unitSlugs) });
  return {
    row,
    invoices: created.map((entry) => entry.summary),
    writeMs: committedAt - started,
    committedAt,
    slug: scopeSlugOf(row, unitSlugs),
  };
}

/**
 * Inserts, for every RUNNING generator in turn, the invoices due by `now` —
 * floor(rate × (min(now, endsAt) − startedAt)) − produced — and publishes them after each commit.
 */
export async function tickInvoices(options: TickOptions = {}): Promise<TickResult> {
  const now = options.now ?? new Date();
  const result: TickResult = {
    inserted: 0,
    produced: 0,
    state: "IDLE",
    skipped: false,
    writeMs: 0,
    committedAt: performance.now(),
    invoices: [],
    generators: [],
  };
  // Most ticks find every generator idle: answer those without a transaction.
  const running = await db.$queryRaw<{ id: number; businessUnitId: number | null; produced: number }[]>`
    SELECT id, "businessUnitId", produced FROM "GeneratorState" WHERE status = 'RUNNING' ORDER BY id`;
  if (running.length === 0) return result;

  const shared: Shared = {
    now,
    catalog: options.catalog ?? (await getInvoiceCatalog()),
    random: options.random ?? createRandom(Math.floor(Math.random() * 2 ** 32)),
    vatRate: rateFromFraction(env.VAT_RATE),
    publish: options.publish ?? publishEvents,
  };
  const slugs = new Map(shared.catalog.units.map((unit) => [unit.id, unit.slug]));
  for (const { id, businessUnitId, produced } of running) {
    const step = await tickGenerator(id, shared);
    if (!step) {
      result.generators.push({
        businessUnit: scopeSlugOf({ businessUnitId }, slugs),
        inserted: 0,
        produced,
        state: "RUNNING",
        skipped: true,
      });
      result.produced += produced;
      result.state = "RUNNING";
      continue;
    }
    const { row, invoices } = step;
    result.generators.push({
      businessUnit: step.slug,
      inserted: invoices.length,
      produced: row.produced,
      state: row.status,
      skipped: false,
    });
    result.inserted += invoices.length;
    result.produced += row.produced;
    result.invoices.push(...invoices);
    result.writeMs += step.writeMs;
    if (invoices.length > 0) result.committedAt = step.committedAt;
    if (row.status === "RUNNING") result.state = "RUNNING";
  }
  result.skipped = result.generators.every((entry) => entry.skipped);
  return result;
}
