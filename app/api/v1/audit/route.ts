// GET /api/v1/audit: the audit log in the caller's scope, filtered and keyset-paginated by id (newest first);
// ?format=csv streams every matching entry instead. The log is append-only: there is no write method.
import { AUDIT_CSV_COLUMNS, auditCsvRows } from "@/lib/audit/audit-csv";
import { auditQuerySchema } from "@/lib/audit/audit-query";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { csvResponse, exportFormatSchema } from "@/lib/csv/csv-response";
import { withSession } from "@/lib/server/http/with-session";
import { businessDate } from "@/lib/time/business-time";

export const dynamic = "force-dynamic";

export const GET = withSession("admin.audit", async (request, { user }) => {
  const { format, ...params } = Object.fromEntries(request.nextUrl.searchParams);
  const { format: kind } = exportFormatSchema.parse({ format });
  const query = auditQuerySchema.parse(params);
  if (kind === "json") return listAuditEvents(user, query);
  return csvResponse(`audit-${businessDate(new Date())}.csv`, AUDIT_CSV_COLUMNS, await auditCsvRows(user, query));
});
