// Documented routes of the audit log.
import { auditPageSchema, auditQuerySchema } from "../../audit/audit-query";
import { exportFormatSchema } from "../../csv/csv-response";
import { defineRoute } from "../define-route";

export const auditRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/audit",
    summary: "The audit log, filtered and keyset-paginated",
    description:
      "Who did what, when, from which address, and what changed: sign-ins, user, token and share-link changes, generator controls, " +
      "pipeline runs, quarantine decisions, notification targets and remote sources. Newest first; pass older back as before " +
      "(or newer as after) for the next page. An ADMIN reads every entry; a MANAGER only its business unit's. " +
      "format=csv streams every matching entry (all pages) as CSV, with spreadsheet formulas neutralized. " +
      "The log is append-only: no operation edits or deletes an entry.",
    tags: ["audit"],
    access: "admin.audit",
    query: [auditQuerySchema, exportFormatSchema],
    response: {
      schema: auditPageSchema,
      description: "A page of entries; with format=csv, a text/csv attachment of all of them",
      csv: true,
    },
    errors: {
      403: "A scoped MANAGER asking for another unit's entries",
      422: "Invalid filters, dates, limit or cursor, or an unknown unit",
    },
  }),
];
