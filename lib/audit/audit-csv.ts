import "server-only";

import type { CsvCell } from "../csv/csv-rows";
import type { SessionUser } from "../server/auth/session-user";
import type { AuditEntry, AuditFilters } from "./audit-query";
import { allAuditEvents, auditWhere } from "./list-audit-events";

/** The audit log's CSV export: one line per entry, newest first, details as JSON. */
export const AUDIT_CSV_COLUMNS = [
  "id",
  "at",
  "actor_name",
  "actor_email",
  "action",
  "target_type",
  "target_id",
  "business_unit",
  "ip",
  "request_id",
  "details",
];

const cells = (entry: AuditEntry): CsvCell[] => [
  entry.id,
  entry.at,
  entry.actor?.name ?? null,
  entry.actor?.email ?? null,
  entry.action,
  entry.targetType,
  entry.targetId,
  entry.businessUnit?.slug ?? null,
  entry.ip,
  entry.requestId,
  entry.details === null ? null : JSON.stringify(entry.details),
];

async function* rowsOf(batches: AsyncIterable<AuditEntry[]>) {
  for await (const batch of batches) yield batch.map(cells);
}

/** The export's rows; scope and filters are checked before the first byte is sent (a 403 stays a 403). */
export async function auditCsvRows(user: SessionUser, filters: AuditFilters) {
  return rowsOf(allAuditEvents(await auditWhere(user, filters)));
}
