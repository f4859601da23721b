import "server-only";

import { addDays } from "../analytics/filters";
import type { Prisma } from "../generated/prisma/client";
import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { AppError, forbiddenError } from "../server/errors";
import { startOfBusinessDate } from "../time/business-time";
import type { AuditEntry, AuditFilters, AuditPage, AuditQuery } from "./audit-query";

/**
 * Which entries a reader may see: an ADMIN all of them; anyone else only entries about a unit (company-wide
 * ones, such as sign-ins, are for admins), and a reader scoped to a unit only that unit's (403 for another).
 */
export async function auditScopeWhere(user: SessionUser, unitSlug: string | undefined): Promise<Prisma.AuditEventWhereInput> {
  if (user.businessUnitId !== null && user.role !== "ADMIN") {
    if (unitSlug !== undefined && unitSlug !== user.businessUnitSlug)
      throw forbiddenError("You may read only your business unit's audit log.");
    return { businessUnitId: user.businessUnitId };
  }
  const unit = unitSlug === undefined ? null : await db.businessUnit.findUnique({ where: { slug: unitSlug }, select: { id: true } });
  if (unitSlug !== undefined && !unit) throw new AppError(422, "VALIDATION_FAILED", `Unknown business unit "${unitSlug}".`);
  if (unit) return { businessUnitId: unit.id };
  return user.role === "ADMIN" ? {} : { businessUnitId: { not: null } };
}

/** The scope and the filters as one where clause. */
export async function auditWhere(user: SessionUser, filters: AuditFilters): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [await auditScopeWhere(user, filters.unit)];
  if (filters.action) and.push({ action: filters.action });
  if (filters.actor) {
    const contains = { contains: filters.actor, mode: "insensitive" } as const;
    and.push({ actor: { OR: [{ name: contains }, { email: contains }] } });
  }
  if (filters.from) and.push({ createdAt: { gte: startOfBusinessDate(filters.from) } });
  if (filters.to) and.push({ createdAt: { lt: startOfBusinessDate(addDays(filters.to, 1)) } });
  return { AND: and };
}

const select = {
  id: true,
  createdAt: true,
  action: true,
  targetType: true,
  targetId: true,
  ip: true,
  requestId: true,
  details: true,
  actor: { select: { id: true, name: true, email: true } },
  businessUnit: { select: { slug: true, name: true } },
} as const satisfies Prisma.AuditEventSelect;

type Row = Prisma.AuditEventGetPayload<{ select: typeof select }>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const toEntry = ({ createdAt, details, ...row }: Row): AuditEntry => ({
  ...row,
  at: createdAt.toISOString(),
  // Entries are written as objects; anything else is kept under a key rather than dropped.
  details: details === null ? null : isObject(details) ? details : { value: details },
});

/** A page of entries, newest first, by id: `before` pages towards older entries, `after` towards newer. */
export async function listAuditEvents(user: SessionUser, query: AuditQuery): Promise<AuditPage> {
  const where = await auditWhere(user, query);
  const towardsNewer = query.after !== undefined;
  const rows = await db.auditEvent.findMany({
    where: { AND: [where, query.before ? { id: { lt: query.before } } : {}, query.after ? { id: { gt: query.after } } : {}] },
    orderBy: { id: towardsNewer ? "asc" : "desc" },
    take: query.limit,
    select,
  });
  if (towardsNewer) rows.reverse();
  const [newest, oldest] = [rows[0], rows.at(-1)];
  const [hasNewer, hasOlder] = await Promise.all([
    newest ? db.auditEvent.findFirst({ where: { AND: [where, { id: { gt: newest.id } }] }, select: { id: true } }) : null,
    oldest ? db.auditEvent.findFirst({ where: { AND: [where, { id: { lt: oldest.id } }] }, select: { id: true } }) : null,
  ]);
  return { entries: rows.map(toEntry), older: hasOlder ? oldest!.id : null, newer: hasNewer ? newest!.id : null };
}

/** Every entry `where` matches (scope and filters from `auditWhere`), newest first, in batches. */
export async function* allAuditEvents(where: Prisma.AuditEventWhereInput, batchSize = 500): AsyncGenerator<AuditEntry[]> {
  let before: number | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: before === undefined ? where : { AND: [where, { id: { lt: before } }] },
      orderBy: { id: "desc" },
      take: batchSize,
      select,
    });
    if (rows.length > 0) yield rows.map(toEntry);
    if (rows.length < batchSize) return;
    before = rows.at(-1)!.id;
  }
}

/** The actions a reader's log holds, for the action filter. */
export async function listAuditActions(user: SessionUser): Promise<string[]> {
  const groups = await db.auditEvent.groupBy({ by: ["action"], where: await auditScopeWhere(user, undefined), orderBy: { action: "asc" } });
  return groups.map((group) => group.action);
}
