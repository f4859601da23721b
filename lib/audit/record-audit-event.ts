import "server-only";

import type { Prisma } from "../generated/prisma/client";
import { db } from "../server/db";

export interface AuditInput {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
  requestId?: string;
  ip?: string;
  /** The unit the event concerns; null or absent for company-wide events (only ADMINs read those). */
  businessUnitId?: number | null;
}

type Writer = Pick<typeof db, "auditEvent">;

/** Appends to the audit log; pass a transaction client to record it atomically with the change. */
export async function recordAuditEvent(input: AuditInput, client: Writer = db): Promise<void> {
  await client.auditEvent.create({ data: input });
}
