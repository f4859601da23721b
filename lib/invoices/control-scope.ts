import "server-only";

import { can, type Role } from "../permissions";
import { env } from "../server/env";
import { AppError, forbiddenError } from "../server/errors";
import { ALL_UNITS } from "./schemas";

/**
 * Who controls the generators (who may at all is the `invoices.control` capability). A manager
 * scoped to a unit starts, stops and resets only its unit's generator and data; an unscoped one
 * controls the all-units generator and every unit's.
 */
export interface Controller {
  id: string;
  role: Role;
  businessUnitId: number | null;
}

export interface UnitRef {
  id: number;
  slug: string;
  name: string;
}

/** What a control addresses: one unit's generator, the all-units generator, or everything the actor controls. */
export type ControlTargetScope = { kind: "unit"; unit: UnitRef } | { kind: "allUnits" } | { kind: "everything" };

export function assertMayControl(actor: Controller) {
  if (!can(actor.role, "invoices.control")) throw forbiddenError("Only admins and managers control the invoice generator.");
}

/** One start may make at most GENERATOR_MAX_INVOICES_PER_RUN invoices, so nobody can flood the tables. */
export function assertWithinCap(ratePerSecond: number, durationSeconds: number) {
  const cap = env.GENERATOR_MAX_INVOICES_PER_RUN;
  const asked = ratePerSecond * durationSeconds;
  if (asked <= cap) return;
  const n = (value: number) => value.toLocaleString("en");
  throw new AppError(
    422,
    "VALIDATION_FAILED",
    `A run may make at most ${n(cap)} invoices; ${n(ratePerSecond)} a second for ${n(durationSeconds)} s would make ${n(asked)}. ` +
      "Lower the rate or the duration.",
    { maxInvoicesPerRun: cap, requested: asked },
  );
}

/**
 * Resolves `requested` (a unit's slug, "all", or nothing) for the actor. A scoped actor may name only
 * its own unit (403 otherwise); an unscoped one names any unit (422 if unknown) or the all-units generator.
 */
export function resolveTarget(actor: Controller, requested: string | undefined, units: readonly UnitRef[]): ControlTargetScope {
  if (actor.businessUnitId !== null) {
    const own = units.find((unit) => unit.id === actor.businessUnitId);
    if (!own) throw forbiddenError("Your business unit no longer exists.");
    if (requested !== undefined && requested !== own.slug)
      throw forbiddenError("Your account controls only its own business unit's generator.");
    return { kind: "unit", unit: own };
  }
  if (requested === undefined) return { kind: "everything" };
  if (requested === ALL_UNITS) return { kind: "allUnits" };
  const unit = units.find((candidate) => candidate.slug === requested);
  if (!unit) throw new AppError(422, "VALIDATION_FAILED", `Unknown business unit "${requested}".`);
  return { kind: "unit", unit };
}

/** The generator a control's answer puts first: the addressed one, else the actor's own. */
export function focusOf(target: ControlTargetScope, actor: Controller): number | null {
  if (target.kind === "unit") return target.unit.id;
  return target.kind === "allUnits" ? null : actor.businessUnitId;
}
