import "server-only";

import { db } from "../server/db";
import { notFound } from "../server/errors";
import { isRefusedUpFront, URL_REFUSED_UP_FRONT } from "../server/net/safe-fetch";
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

export async function createTarget(input: NewTarget): Promise<TargetView> {
  const { kind, target, label } = allowedTargetSchema.parse(input);
  return toView(await db.notificationTarget.create({ data: { kind, target, label: label || null } }));
}

export async function setTargetEnabled(id: number, enabled: boolean): Promise<TargetView> {
  const { count } = await db.notificationTarget.updateMany({ where: { id }, data: { enabled } });
  if (count === 0) throw notFound(`No notification target ${id}.`);
  return toView(await db.notificationTarget.findUniqueOrThrow({ where: { id } }));
}

export async function deleteTarget(id: number): Promise<void> {
  const { count } = await db.notificationTarget.deleteMany({ where: { id } });
  if (count === 0) throw notFound(`No notification target ${id}.`);
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
