// Named column mappings: listed, saved and removed within the caller's unit, used by runs and
// recognized from a file's header. Saving and removing are audited with the mapping's unit.
import "server-only";

import type { AuditActor } from "../audit/audit-context";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Prisma } from "../generated/prisma/client";
import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { AppError, forbiddenError, notFound } from "../server/errors";
import type { CsvSample } from "./csv-sample";
import { detectMapping, missingColumns } from "./detect-mapping";
import { mappingSchema, type Mapping } from "./mapping";
import type { MappingDetection, NewSavedMapping, SavedMappingView } from "./saved-mapping-schemas";

const LIST_LIMIT = 200;

const VIEW_SELECT = {
  id: true,
  name: true,
  mapping: true,
  businessUnitId: true,
  createdAt: true,
  businessUnit: { select: { slug: true, name: true } },
  createdBy: { select: { name: true } },
} as const satisfies Prisma.SavedMappingSelect;

type SavedMappingRow = Prisma.SavedMappingGetPayload<{ select: typeof VIEW_SELECT }>;

/** A scoped user's unit's mappings and the company-wide ones; every mapping for an unscoped user. */
const visibleTo = (user: SessionUser): Prisma.SavedMappingWhereInput =>
  user.businessUnitId === null ? {} : { OR: [{ businessUnitId: user.businessUnitId }, { businessUnitId: null }] };

function toView(row: SavedMappingRow): SavedMappingView | null {
  // Stored before a change to the mapping language made it invalid: left out rather than failing the list.
  const mapping = mappingSchema.safeParse(row.mapping);
  if (!mapping.success) return null;
  return {
    id: row.id,
    name: row.name,
    mapping: mapping.data,
    businessUnit: row.businessUnit,
    createdBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listSavedMappings(user: SessionUser): Promise<SavedMappingView[]> {
  const rows = await db.savedMapping.findMany({
    where: visibleTo(user),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: VIEW_SELECT,
  });
  return rows.map(toView).filter((view) => view !== null);
}

/** A saved mapping the user may run with; 422 for one it may not see (or that no longer exists). */
export async function findSavedMapping(user: SessionUser, id: number): Promise<Mapping> {
  const row = await db.savedMapping.findFirst({ where: { id, ...visibleTo(user) }, select: VIEW_SELECT });
  const view = row && toView(row);
  if (!view) throw new AppError(422, "BAD_MAPPING", `There is no saved mapping ${id} you may use.`);
  return view.mapping;
}

const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && "code" in error && error.code === "P2002";

/** Saves a complete mapping under the creator's unit (none for an unscoped user); 409 when the unit has the name. */
export async function createSavedMapping(user: SessionUser, input: NewSavedMapping, actor: AuditActor): Promise<SavedMappingView> {
  const missing = missingColumns(input.mapping);
  if (missing.length > 0) {
    throw new AppError(422, "MAPPING_INCOMPLETE", `The mapping leaves required columns unmapped: ${missing.join(", ")}.`, { missing });
  }
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.savedMapping.create({
        data: { name: input.name, mapping: input.mapping, businessUnitId: user.businessUnitId, createdById: user.id },
        select: VIEW_SELECT,
      });
      await recordAuditEvent(
        {
          ...actor,
          action: "saved_mapping.create",
          targetType: "SavedMapping",
          targetId: String(created.id),
          businessUnitId: created.businessUnitId,
          details: { name: created.name },
        },
        tx,
      );
      return created;
    });
    return toView(row)!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, "MAPPING_NAME_TAKEN", `A saved mapping is already named "${input.name}".`);
    throw error;
  }
}

/** Removes a mapping of the user's unit; a company-wide one only an unscoped user may remove (403), another unit's is 404. */
export async function deleteSavedMapping(user: SessionUser, id: number, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.savedMapping.findFirst({ where: { id, ...visibleTo(user) }, select: { name: true, businessUnitId: true } });
    if (!row) throw notFound(`No saved mapping ${id}.`);
    if (user.businessUnitId !== null && row.businessUnitId === null)
      throw forbiddenError("Only a user of every unit may remove a company-wide mapping.");
    // Gone meanwhile (another remove won): Prisma's "not found" answers 404.
    await tx.savedMapping.delete({ where: { id } });
    await recordAuditEvent(
      {
        ...actor,
        action: "saved_mapping.delete",
        targetType: "SavedMapping",
        targetId: String(id),
        businessUnitId: row.businessUnitId,
        details: { name: row.name },
      },
      tx,
    );
  });
}

/** The business-unit slugs a user's runs may load: its own when scoped, every one otherwise. */
export async function listLoadableUnits(user: SessionUser): Promise<string[]> {
  if (user.businessUnitSlug !== null) return [user.businessUnitSlug];
  return (await db.businessUnit.findMany({ orderBy: { slug: "asc" }, select: { slug: true } })).map((unit) => unit.slug);
}

/**
 * What fits a file, from its header and first rows: a preset, one of the user's saved mappings, or a
 * suggestion. A scoped user's suggestion files rows under its unit; an unscoped user picks one.
 */
export async function detectMappingFor(user: SessionUser, sample: CsvSample): Promise<MappingDetection> {
  const saved = await listSavedMappings(user);
  // Of mappings that fit equally well, the unit's own wins over a company-wide one.
  const ownFirst = [...saved.filter((view) => view.businessUnit !== null), ...saved.filter((view) => view.businessUnit === null)];
  return detectMapping(sample, { saved: ownFirst, businessUnit: user.businessUnitSlug });
}
