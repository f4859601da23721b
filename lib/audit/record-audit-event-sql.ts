import "server-only";

import type pg from "pg";

import type { AuditInput } from "./record-audit-event";

/** `recordAuditEvent` for code on a plain pg connection (the pipeline's), inside its transaction. */
export async function recordAuditEventSql(client: pg.ClientBase, input: AuditInput): Promise<void> {
  await client.query(
    `INSERT INTO "AuditEvent" ("actorId", action, "targetType", "targetId", details, ip, "requestId", "businessUnitId")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      input.actorId,
      input.action,
      input.targetType ?? null,
      input.targetId ?? null,
      input.details === undefined ? null : JSON.stringify(input.details),
      input.ip ?? null,
      input.requestId ?? null,
      input.businessUnitId ?? null,
    ],
  );
}
