import "server-only";

import type { AuditContext } from "../audit/audit-context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { publishEvents, type OutgoingEvent } from "../realtime/publish";
import { db } from "../server/db";
import { AppError, conflict } from "../server/errors";
import { getInvoiceCatalog, isGeneratable } from "./catalog";
import {
  assertMayControl,
  assertWithinCap,
  focusOf,
  resolveTarget,
  type Controller,
  type ControlTargetScope,
  type UnitRef,
} from "./control-scope";
import { lockOrCreateGenerators, toStateChange, type GeneratorRow, type Transaction } from "./generator-state";
import { getGeneratorStatus } from "./generator-status";
import { buildInvoiceEvents } from "./invoice-events";
import { DEFAULT_DURATION_SECONDS, DEFAULT_RATE_PER_SECOND, type ControlTarget, type StartGeneratorInput } from "./schemas";
import { invoiceScopeOf } from "./scope";
import { simulatorSeries } from "./summaries";
import type { GeneratorStatusView } from "./types";

export type { Controller } from "./control-scope";

export interface ControlContext extends AuditContext {
  now?: Date;
  publish?: (events: readonly OutgoingEvent[]) => Promise<void>;
}

const listUnits = (): Promise<UnitRef[]> =>
  db.businessUnit.findMany({ select: { id: true, slug: true, name: true }, orderBy: { id: "asc" } });

/** One entry per control, naming the unit it addressed (null: the all-units generator or every generator). */
function audit(
  tx: Transaction,
  actor: Controller,
  context: ControlContext,
  action: string,
  rows: GeneratorRow[],
  unit: UnitRef | null,
  details: object,
) {
  const targetId = rows.map((row) => row.id).join(",");
  return recordAuditEvent(
    {
      actorId: actor.id,
      action,
      targetType: "GeneratorState",
      targetId,
      details: { businessUnit: unit?.slug ?? null, ...details },
      requestId: context.requestId,
      ip: context.ip,
      businessUnitId: unit?.id ?? null,
    },
    tx,
  );
}

const unitOf = (target: ControlTargetScope) => (target.kind === "unit" ? target.unit : null);

async function publishChanges(context: ControlContext, units: readonly UnitRef[], changed: GeneratorRow[], extra = {}) {
  const slugs = new Map(units.map((unit) => [unit.id, unit.slug]));
  const changes = changed.map((row) => toStateChange(row, slugs));
  await (context.publish ?? publishEvents)(buildInvoiceEvents({ unitSlugs: units.map((unit) => unit.slug), changes, ...extra }));
}

/**
 * Starts a generator: `ratePerSecond` invoices a second for `durationSeconds`, for one unit or (unscoped
 * callers, by default) for every unit. 409 while that generator runs; other generators are independent.
 */
export async function startGenerator(
  actor: Controller,
  input: StartGeneratorInput,
  context: ControlContext = {},
): Promise<GeneratorStatusView> {
  assertMayControl(actor);
  const ratePerSecond = input.ratePerSecond ?? DEFAULT_RATE_PER_SECOND;
  const durationSeconds = input.durationSeconds ?? DEFAULT_DURATION_SECONDS;
  assertWithinCap(ratePerSecond, durationSeconds);
  const now = context.now ?? new Date();
  const catalog = await getInvoiceCatalog();
  const target = resolveTarget(actor, input.businessUnit, catalog.units);
  const unit = target.kind === "unit" ? target.unit : null;
  if (!catalog.units.some((candidate) => isGeneratable(candidate) && (unit === null || candidate.id === unit.id))) {
    throw new AppError(409, "NOTHING_TO_GENERATE", "There are no products or salespeople to make invoices from yet.");
  }
  const { row, view } = await db.$transaction(async (tx) => {
    const [current] = await lockOrCreateGenerators(tx, [unit?.id ?? null]);
    if (current!.status === "RUNNING")
      throw conflict(`${unit ? `${unit.name}'s` : "The all-units"} generator is already running. Stop it before starting again.`);
    const started = {
      status: "RUNNING" as const,
      ratePerSecond,
      durationSeconds,
      startedAt: now,
      endsAt: new Date(now.getTime() + durationSeconds * 1000),
      produced: 0,
      producedByUnit: {},
    };
    const next: GeneratorRow = { ...current!, ...started };
    await tx.generatorState.update({ where: { id: next.id }, data: { ...started, startedById: actor.id } });
    await audit(tx, actor, context, "generator.start", [next], unit, { ratePerSecond, durationSeconds });
    return { row: next, view: await getGeneratorStatus(invoiceScopeOf(actor), unit?.id ?? null, tx) };
  });
  await publishChanges(context, catalog.units, [row]);
  return view;
}

/**
 * Stops generators at once; invoices already produced stay. By default every generator the actor
 * controls; `businessUnit` names one (a unit's slug, or "all" for the all-units generator).
 */
export async function stopGenerator(
  actor: Controller,
  context: ControlContext = {},
  input: ControlTarget = {},
): Promise<GeneratorStatusView> {
  assertMayControl(actor);
  const now = context.now ?? new Date();
  const units = await listUnits();
  const target = resolveTarget(actor, input.businessUnit, units);
  const scopes = target.kind === "everything" ? [null, ...units.map((unit) => unit.id)] : [target.kind === "unit" ? target.unit.id : null];
  const { stopped, view } = await db.$transaction(async (tx) => {
    const rows = await lockOrCreateGenerators(tx, scopes);
    const stopped: GeneratorRow[] = [];
    for (const row of rows.filter((candidate) => candidate.status === "RUNNING")) {
      const endsAt = row.endsAt && row.endsAt < now ? row.endsAt : now;
      await tx.generatorState.update({ where: { id: row.id }, data: { status: "IDLE", endsAt } });
      stopped.push({ ...row, status: "IDLE", endsAt });
    }
    await audit(tx, actor, context, "generator.stop", rows, unitOf(target), {
      wasRunning: stopped.length > 0,
      produced: stopped.reduce((sum, row) => sum + row.produced, 0),
    });
    return { stopped, view: await getGeneratorStatus(invoiceScopeOf(actor), focusOf(target, actor), tx) };
  });
  if (stopped.length > 0) await publishChanges(context, units, stopped);
  return view;
}

async function deleteGenerated(tx: Transaction, unitIds: number[] | null) {
  // Sales first, in one statement, so the Sale triggers adjust the rollups once (not once per line).
  const sales = await tx.$executeRaw`
    DELETE FROM "Sale" s USING "InvoiceLine" l, "Invoice" i
    WHERE s."invoiceLineId" = l.id AND l."invoiceId" = i.id AND i.source = 'SIMULATOR'
      AND (${unitIds}::int[] IS NULL OR i."businessUnitId" = ANY(${unitIds}::int[]))`;
  const invoices = await tx.$executeRaw`
    DELETE FROM "Invoice" WHERE source = 'SIMULATOR' AND (${unitIds}::int[] IS NULL OR "businessUnitId" = ANY(${unitIds}::int[]))`;
  return { sales, invoices };
}

/**
 * Removes generated (SIMULATOR) invoices, their lines and sales — imported data is untouched and
 * rollups stay exact through the Sale triggers — zeroes their running stats, restarts their numbering
 * and resets their generators. By default every unit in the actor's scope; `businessUnit` names one.
 * A unit's reset leaves a running all-units generator going and restarts only its count of that unit.
 */
export async function resetGenerator(
  actor: Controller,
  context: ControlContext = {},
  input: ControlTarget = {},
): Promise<GeneratorStatusView> {
  assertMayControl(actor);
  const units = await listUnits();
  const target = resolveTarget(actor, input.businessUnit, units);
  const scoped = target.kind === "unit" ? target.unit : null;
  const affected = scoped ? [scoped] : units;

  const outcome = await db.$transaction(
    async (tx) => {
      // The all-units generator writes for every unit: locking it too keeps its ticks out until the reset commits.
      const rows = await lockOrCreateGenerators(tx, [null, ...affected.map((unit) => unit.id)]);
      const deleted = await deleteGenerated(tx, scoped ? [scoped.id] : null);
      // Numbering restarts after what remains, so each series stays gapless.
      await tx.$executeRaw`
        UPDATE "InvoiceSeries" s SET "lastNumber" = coalesce((SELECT max(number) FROM "Invoice" i WHERE i.series = s.series), 0)
        WHERE s.series = ANY(${affected.map((unit) => simulatorSeries(unit.slug))}::text[])`;
      await tx.$executeRaw`
        UPDATE "InvoiceStats" SET count = 0, subtotal = 0, vat = 0, total = 0
        WHERE ${scoped?.id ?? null}::int IS NULL OR "businessUnitId" = ${scoped?.id ?? null}`;
      const changed: GeneratorRow[] = [];
      for (const row of rows) {
        if (scoped && row.businessUnitId === null) {
          const producedByUnit = { ...row.producedByUnit, [scoped.id]: 0 };
          await tx.generatorState.update({ where: { id: row.id }, data: { producedByUnit } });
          continue;
        }
        if (row.status === "IDLE" && row.startedAt === null && row.produced === 0) continue;
        const data = { status: "IDLE", produced: 0, producedByUnit: {}, startedAt: null, endsAt: null } as const;
        await tx.generatorState.update({ where: { id: row.id }, data });
        changed.push({ ...row, ...data });
      }
      await audit(tx, actor, context, "generator.reset", rows, scoped, {
        invoices: deleted.invoices,
        sales: deleted.sales,
        stoppedRun: rows.some((row) => row.status === "RUNNING" && changed.some((entry) => entry.id === row.id)),
      });
      return { changed, view: await getGeneratorStatus(invoiceScopeOf(actor), focusOf(target, actor), tx) };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  await publishChanges(context, units, outcome.changed, { reset: { unit: scoped ? { slug: scoped.slug, name: scoped.name } : null } });
  return outcome.view;
}
