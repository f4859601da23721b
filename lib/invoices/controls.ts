import "server-only";

import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Role } from "../permissions";
import { publishEvents, type OutgoingEvent } from "../realtime/publish";
import { db } from "../server/db";
import { AppError, conflict, forbiddenError } from "../server/errors";
import { getInvoiceCatalog, isGeneratable, type InvoiceCatalog } from "./catalog";
import { GENERATOR_ID, lockOrCreateGenerator, toStateChange, type GeneratorRow, type Transaction } from "./generator-state";
import { getGeneratorStatus } from "./generator-status";
import { buildInvoiceEvents } from "./invoice-events";
import { DEFAULT_DURATION_SECONDS, DEFAULT_RATE_PER_SECOND, type StartGeneratorInput } from "./schemas";
import { simulatorSeries } from "./summaries";
import type { GeneratorStatusView } from "./types";

/**
 * How far a controller may go (who may at all is the `invoices.control` capability). A manager
 * scoped to a unit starts runs for that unit only; it may stop a run only when the run produces
 * for its unit alone; its Reset removes only its unit's generated invoices and stats, and stops the
 * run only when the run is its unit's. Another unit's data is never touched.
 */
export interface Controller {
  id: string;
  role: Role;
  businessUnitId: number | null;
}

export interface ControlContext {
  now?: Date;
  requestId?: string;
  ip?: string;
  publish?: (events: readonly OutgoingEvent[]) => Promise<void>;
}

const AUDIT_TARGET = { targetType: "GeneratorState", targetId: String(GENERATOR_ID) } as const;

function assertMayControl(actor: Controller) {
  if (!can(actor.role, "invoices.control")) throw forbiddenError("Only admins and managers control the invoice generator.");
}

/** Whether the run belongs to the actor's scope (an unscoped actor's scope is everything). */
function ownsRun(actor: Controller, row: Pick<GeneratorRow, "businessUnitId">): boolean {
  return actor.businessUnitId === null || row.businessUnitId === actor.businessUnitId;
}

function resolveRunUnit(actor: Controller, requested: string | undefined, catalog: InvoiceCatalog) {
  if (actor.businessUnitId !== null) {
    const own = catalog.units.find((unit) => unit.id === actor.businessUnitId);
    if (!own) throw new AppError(409, "NOTHING_TO_GENERATE", "Your business unit no longer exists.");
    if (requested && requested !== own.slug) throw forbiddenError("Your account controls only its own business unit.");
    return own;
  }
  if (!requested) return null;
  const unit = catalog.units.find((candidate) => candidate.slug === requested);
  if (!unit) throw new AppError(422, "VALIDATION_FAILED", `Unknown business unit "${requested}".`);
  return unit;
}

async function publishChange(context: ControlContext, input: Parameters<typeof buildInvoiceEvents>[0]) {
  await (context.publish ?? publishEvents)(buildInvoiceEvents(input));
}

const slugsOf = (catalog: InvoiceCatalog) => new Map(catalog.units.map((unit) => [unit.id, unit.slug]));

/** Starts a run: `ratePerSecond` invoices a second for `durationSeconds`. 409 while a run is on. */
export async function startGenerator(
  actor: Controller,
  input: StartGeneratorInput,
  context: ControlContext = {},
): Promise<GeneratorStatusView> {
  assertMayControl(actor);
  const now = context.now ?? new Date();
  const catalog = await getInvoiceCatalog();
  const unit = resolveRunUnit(actor, input.businessUnit, catalog);
  if (!catalog.units.some((candidate) => isGeneratable(candidate) && (unit === null || candidate.id === unit.id))) {
    throw new AppError(409, "NOTHING_TO_GENERATE", "There are no products or salespeople to make invoices from yet.");
  }
  const ratePerSecond = input.ratePerSecond ?? DEFAULT_RATE_PER_SECOND;
  const durationSeconds = input.durationSeconds ?? DEFAULT_DURATION_SECONDS;
  const row = await db.$transaction(async (tx) => {
    const current = await lockOrCreateGenerator(tx);
    if (current.status === "RUNNING") throw conflict("The generator is already running. Stop it before starting again.");
    const next: GeneratorRow = {
      status: "RUNNING",
      ratePerSecond,
      durationSeconds,
      startedAt: now,
      endsAt: new Date(now.getTime() + durationSeconds * 1000),
      produced: 0,
      businessUnitId: unit?.id ?? null,
    };
    await tx.generatorState.update({ where: { id: GENERATOR_ID }, data: { ...next, startedById: actor.id } });
    await recordAuditEvent(
      {
        actorId: actor.id,
        action: "invoices.generator.start",
        ...AUDIT_TARGET,
        details: { ratePerSecond, durationSeconds, businessUnit: unit?.slug ?? null },
        requestId: context.requestId,
        ip: context.ip,
      },
      tx,
    );
    return next;
  });
  const change = toStateChange(row, slugsOf(catalog));
  await publishChange(context, { unitSlugs: catalog.units.map((entry) => entry.slug), generator: change });
  return { ...change, produced: 0 };
}

/** Stops the run at once; invoices already produced stay. Stopping an idle generator changes nothing. */
export async function stopGenerator(actor: Controller, context: ControlContext = {}): Promise<GeneratorStatusView> {
  assertMayControl(actor);
  const now = context.now ?? new Date();
  const catalog = await getInvoiceCatalog();
  const stopped = await db.$transaction(async (tx) => {
    const current = await lockOrCreateGenerator(tx);
    const running = current.status === "RUNNING";
    if (running && !ownsRun(actor, current))
      throw forbiddenError("This run generates for other business units too; an admin or unscoped manager can stop it.");
    let next: GeneratorRow = current;
    if (running) {
      const endsAt = current.endsAt && current.endsAt < now ? current.endsAt : now;
      next = { ...current, status: "IDLE", endsAt };
      await tx.generatorState.update({ where: { id: GENERATOR_ID }, data: { status: "IDLE", endsAt } });
    }
    await recordAuditEvent(
      {
        actorId: actor.id,
        action: "invoices.generator.stop",
        ...AUDIT_TARGET,
        details: { wasRunning: running, produced: current.produced },
        requestId: context.requestId,
        ip: context.ip,
      },
      tx,
    );
    return running ? next : null;
  });
  if (stopped)
    await publishChange(context, {
      unitSlugs: catalog.units.map((unit) => unit.slug),
      generator: toStateChange(stopped, slugsOf(catalog)),
    });
  return getGeneratorStatus({ businessUnitId: actor.businessUnitId });
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
 * rollups stay exact through the Sale triggers — zeroes their running stats, restarts their
 * numbering, and stops the run when the run is the actor's. Scoped managers reset only their unit.
 */
export async function resetGenerator(actor: Controller, context: ControlContext = {}): Promise<GeneratorStatusView> {
  assertMayControl(actor);
  const catalog = await getInvoiceCatalog();
  const units = await db.businessUnit.findMany({ select: { id: true, slug: true, name: true } });
  const scoped = actor.businessUnitId === null ? null : (units.find((unit) => unit.id === actor.businessUnitId) ?? null);
  if (actor.businessUnitId !== null && !scoped) throw forbiddenError("Your business unit no longer exists.");
  const affected = scoped ? [scoped] : units;

  const outcome = await db.$transaction(
    async (tx) => {
      const current = await lockOrCreateGenerator(tx);
      const deleted = await deleteGenerated(tx, scoped ? [scoped.id] : null);
      const series = affected.map((unit) => simulatorSeries(unit.slug));
      // Numbering restarts after what remains, so each series stays gapless.
      await tx.$executeRaw`
        UPDATE "InvoiceSeries" s SET "lastNumber" = coalesce((SELECT max(number) FROM "Invoice" i WHERE i.series = s.series), 0)
        WHERE s.series = ANY(${series}::text[])`;
      await tx.$executeRaw`
        UPDATE "InvoiceStats" SET count = 0, subtotal = 0, vat = 0, total = 0
        WHERE ${scoped?.id ?? null}::int IS NULL OR "businessUnitId" = ${scoped?.id ?? null}`;
      const owned = ownsRun(actor, current);
      const next: GeneratorRow = owned ? { ...current, status: "IDLE", produced: 0, startedAt: null, endsAt: null } : current;
      if (owned)
        await tx.generatorState.update({
          where: { id: GENERATOR_ID },
          data: { status: "IDLE", produced: 0, startedAt: null, endsAt: null },
        });
      await recordAuditEvent(
        {
          actorId: actor.id,
          action: "invoices.generator.reset",
          ...AUDIT_TARGET,
          details: {
            businessUnit: scoped?.slug ?? null,
            invoices: deleted.invoices,
            sales: deleted.sales,
            stoppedRun: owned && current.status === "RUNNING",
          },
          requestId: context.requestId,
          ip: context.ip,
        },
        tx,
      );
      return { next, changed: owned };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  await publishChange(context, {
    unitSlugs: units.map((unit) => unit.slug),
    generator: outcome.changed ? toStateChange(outcome.next, slugsOf(catalog)) : undefined,
    reset: { unit: scoped ? { slug: scoped.slug, name: scoped.name } : null },
  });
  return getGeneratorStatus({ businessUnitId: actor.businessUnitId });
}
