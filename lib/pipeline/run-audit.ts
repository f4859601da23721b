// The audit entry of a pipeline run being started: by a signed-in user (uploads, the inbox, reprocess) or,
// with actor null, from the CLI. Written on the run's own connection, in the transaction that creates it.
import type pg from "pg";

import type { AuditContext } from "../audit/audit-context";
import { recordAuditEventSql } from "../audit/record-audit-event-sql";
import type { RunSource } from "./types";

export interface StartedRun {
  id: number;
  source: RunSource;
  fileName: string;
  preset: string | null;
  dryRun: boolean;
  businessUnitId: number | null;
}

export async function recordRunStart(client: pg.ClientBase, actorId: string | null, run: StartedRun, context: AuditContext = {}) {
  const { id, businessUnitId, ...details } = run;
  await recordAuditEventSql(client, {
    actorId,
    action: "pipeline.run",
    targetType: "PipelineRun",
    targetId: String(id),
    details,
    businessUnitId,
    ...context,
  });
}
