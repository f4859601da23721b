import "server-only";

import type { AuditActor } from "../audit/audit-context";
import { changesBetween } from "../audit/changes";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../server/db";
import { notFound } from "../server/errors";
import { isRefusedUpFront, URL_REFUSED_UP_FRONT } from "../server/net/safe-fetch";
import { maskSecretUrl } from "../utils/mask-secret-url";
import { deliver, readDeliveries } from "./deliver";
import { newTargetSchema, type DeliveryView, type NewTarget, type TargetView } from "./targets";

const HISTORY_LIMIT = 50;

const toView = (row: {
  id: number;
  kind: "EMAIL" | "SLACK";
  target: string;
  label: string | null;
  enabled: boolean;
  createdAt: Date;
}): TargetView => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

export async function listTargets(): Promise<TargetView[]> {
  return (await db.notificationTarget.findMany({ orderBy: { id: "asc" } })).map(toView);
}

// The shared schema is client-safe; refusing addresses needs the server's allow-list, so it is added here.
const allowedTargetSchema = newTargetSchema.refine((input) => input.kind !== "SLACK" || !isRefusedUpFront(input.target), {
  path: ["target"],
  message: URL_REFUSED_UP_FRONT,
});

type TargetRow = Parameters<typeof toView>[0];
type Transaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** A target as the audit log keeps it: a Slack webhook is a secret, so only its origin and last characters. */
const audited = (row: TargetRow) => ({
  kind: row.kind,
  target: row.kind === "SLACK" ? maskSecretUrl(row.target) : row.target,
  label: row.label,
});

function audit(tx: Transaction, by: AuditActor, action: string, row: TargetRow, details: object) {
  return recordAuditEvent(
    {
      ...by,
      action: `notification_target.${action}`,
      targetType: "NotificationTarget",
      targetId: String(row.id),
      details,
      businessUnitId: null,
    },
    tx,
  );
}

export async function createTarget(input: NewTarget, by: AuditActor): Promise<TargetView> {
  const { kind, target, label } = allowedTargetSchema.parse(input);
  return db.$transaction(async (tx) => {
    const row = await tx.notificationTarget.create({ data: { kind, target, label: label || null } });
    await audit(tx, by, "create", row, { ...audited(row), enabled: row.enabled });
    return toView(row);
  });
}

export async function setTargetEnabled(id: number, enabled: boolean, by: AuditActor): Promise<TargetView> {
  return db.$transaction(async (tx) => {
    const before = await tx.notificationTarget.findUnique({ where: { id } });
    if (!before) throw notFound(`No notification target ${id}.`);
    const row = await tx.notificationTarget.update({ where: { id }, data: { enabled } });
    await audit(tx, by, "update", row, { ...audited(row), ...changesBetween({ enabled: before.enabled }, { enabled }) });
    return toView(row);
  });
}

export async function deleteTarget(id: number, by: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.notificationTarget.findUnique({ where: { id } });
    if (!row) throw notFound(`No notification target ${id}.`);
    await tx.notificationTarget.delete({ where: { id } });
    await audit(tx, by, "delete", row, { ...audited(row), enabled: row.enabled });
  });
}

/** The latest deliveries, newest first. */
export async function listDeliveries(): Promise<DeliveryView[]> {
  return readDeliveries(HISTORY_LIMIT);
}

/** Sends a test message to one target now (with the usual retries) and returns its delivery. */
export async function sendTest(id: number): Promise<DeliveryView> {
  const target = await db.notificationTarget.findUnique({ where: { id }, select: { id: true, kind: true, target: true } });
  if (!target) throw notFound(`No notification target ${id}.`);
  const message = { subject: "Pulseboard test notification", text: "Pipeline run notifications will arrive here." };
  return deliver(target, message, { isTest: true });
}
