import "server-only";

import { publishEvents, type OutgoingEvent } from "../realtime/publish";
import { createRandom, type Random } from "../seed/random";
import { db } from "../server/db";
import { env } from "../server/env";
import { getInvoiceCatalog, isGeneratable, type InvoiceCatalog } from "./catalog";
import { draftInvoices } from "./draft-invoices";
import { dueBy, GENERATOR_ID, lockGenerator, runTotal, toStateChange, type GeneratorRow } from "./generator-state";
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

export interface TickResult {
  /** Invoices this tick inserted. */
  inserted: number;
  /** Invoices of the run so far. */
  produced: number;
  state: GeneratorRow["status"];
  /** Another tick or a control action held the generator: this tick did nothing. */
  skipped: boolean;
  /** Time spent in the database transaction, in ms. */
  writeMs: number;
  /** performance.now() when the invoices were committed (before publishing). */
  committedAt: number;
  invoices: InvoiceSummary[];
}

const nothing = (produced: number, state: GeneratorRow["status"], skipped: boolean): TickResult => ({
  inserted: 0,
  produced,
  state,
  skipped,
  writeMs: 0,
  committedAt: performance.now(),
  invoices: [],
});

/**
 * Inserts the invoices due by `now` — floor(rate × (min(now, endsAt) − startedAt)) − produced —
 * under a lock on the generator row, so concurrent ticks (worker, cron) never duplicate and a
 * restart catches up. Ends the run at endsAt. Publishes the new invoices after commit.
 */
export async function tickInvoices(options: TickOptions = {}): Promise<TickResult> {
  const now = options.now ?? new Date();
  // Most ticks find the generator idle: answer those without a transaction.
  const current = await db.generatorState.findUnique({ where: { id: GENERATOR_ID }, select: { status: true, produced: true } });
  if (current?.status !== "RUNNING") return nothing(current?.produced ?? 0, "IDLE", false);

  const catalog = options.catalog ?? (await getInvoiceCatalog());
  const random = options.random ?? createRandom(Math.floor(Math.random() * 2 ** 32));
  const vatRate = rateFromFraction(env.VAT_RATE);
  const started = performance.now();

  const outcome = await db.$transaction(
    async (tx) => {
      const row = await lockGenerator(tx, { skipLocked: true });
      if (!row) return null;
      if (row.status !== "RUNNING") return { row, created: [], finished: false };
      const due = dueBy(row, now);
      const count = Math.min(due - row.produced, MAX_INVOICES_PER_TICK);
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
      // The run ends once its last invoice is in (or if nothing can be generated any more).
      const finished = now >= row.endsAt! && (produced >= runTotal(row) || units.length === 0);
      if (created.length > 0 || finished) {
        await tx.$executeRaw`
          UPDATE "GeneratorState" SET produced = ${produced},
            status = ${finished ? "IDLE" : row.status}::"GeneratorStatus", "updatedAt" = now()
          WHERE id = ${GENERATOR_ID}`;
      }
      return { row: { ...row, produced, status: finished ? ("IDLE" as const) : row.status }, created, finished };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  if (!outcome) return nothing(current.produced, "RUNNING", true);
  const committedAt = performance.now();

  const { row, created, finished } = outcome;
  if (created.length > 0 || finished) {
    const unitSlugs = new Map(catalog.units.map((unit) => [unit.id, unit.slug]));
    const events = buildInvoiceEvents({
      unitSlugs: catalog.units.map((unit) => unit.slug),
      created: catalog.units
        .map((unit) => ({ unit, invoices: created.filter((entry) => entry.unitId === unit.id).map((entry) => entry.summary) }))
        .filter((entry) => entry.invoices.length > 0),
      generator: finished ? toStateChange(row, unitSlugs) : undefined,
    });
    await (options.publish ?? publishEvents)(events);
  }
  return {
    inserted: created.length,
    produced: row.produced,
    state: row.status,
    skipped: false,
    writeMs: committedAt - started,
    committedAt,
    invoices: created.map((entry) => entry.summary),
  };
}
