// Delivery with retries and a stored history, through the app's database client (the CLI binds it too).
import "server-only";

import type { RunLog } from "../pipeline/run-log";
import type { RunView } from "../pipeline/types";
import { db } from "../server/db";
import { isUrlRefused } from "../server/net/safe-fetch";
import { errorMessage } from "../utils/error-message";
import { maskSecretUrl } from "../utils/mask-secret-url";
import { send, type Message } from "./send";
import type { DeliveryView, NotificationKind } from "./targets";

/** Waits before the 2nd and 3rd attempts; a target still failing after them is FAILED. */
export const RETRY_DELAYS_MS = [1_000, 4_000];

type Target = { id: number; kind: NotificationKind; target: string };

const WITH_TARGET = { target: { select: { kind: true, target: true } } } as const;

/** A webhook URL is a secret: the history shows it masked (the targets list keeps it for the ADMIN who edits it). */
function toView({ target, createdAt, sentAt, ...delivery }: Awaited<ReturnType<typeof readDelivery>>): DeliveryView {
  const shown = target.kind === "SLACK" ? maskSecretUrl(target.target) : target.target;
  return { ...delivery, kind: target.kind, target: shown, createdAt: createdAt.toISOString(), sentAt: sentAt?.toISOString() ?? null };
}

function readDelivery(id: number) {
  return db.notificationDelivery.findUniqueOrThrow({ where: { id }, include: WITH_TARGET });
}

/** The latest deliveries, newest first. */
export async function readDeliveries(limit: number): Promise<DeliveryView[]> {
  const rows = await db.notificationDelivery.findMany({ orderBy: { id: "desc" }, take: limit, include: WITH_TARGET });
  return rows.map(toView);
}

/** Sends one message to one target, retrying, and records every attempt's outcome. */
export async function deliver(
  target: Target,
  message: Message,
  options: { runId?: number; isTest?: boolean; retryDelaysMs?: readonly number[] } = {},
): Promise<DeliveryView> {
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const { id } = await db.notificationDelivery.create({
    data: { targetId: target.id, runId: options.runId ?? null, isTest: options.isTest ?? false },
    select: { id: true },
  });
  for (let attempt = 1; ; attempt++) {
    try {
      await send(target.kind, target.target, message);
      await db.notificationDelivery.update({ where: { id }, data: { status: "SENT", attempts: attempt, error: null, sentAt: new Date() } });
      break;
    } catch (error) {
      // A refused address stays refused: retrying it would only delay the FAILED.
      const last = attempt > retryDelays.length || isUrlRefused(error);
      await db.notificationDelivery.update({
        where: { id },
        data: { status: last ? "FAILED" : "PENDING", attempts: attempt, error: errorMessage(error) },
      });
      if (last) break;
      await new Promise((resolve) => setTimeout(resolve, retryDelays[attempt - 1]));
    }
  }
  return toView(await readDelivery(id));
}

export function runMessage(run: RunView): Message {
  const counts = `read ${run.rowsRead}, valid ${run.rowsValid}, rejected ${run.rowsRejected}; inserted ${run.rowsInserted}, updated ${run.rowsUpdated}, unchanged ${run.rowsUnchanged}`;
  return {
    subject: `Pulseboard run #${run.id} ${run.status}${run.dryRun ? " (dry run)" : ""}: ${run.fileName}`,
    text: [
      counts,
      run.durationMs === null ? null : `took ${(run.durationMs / 1000).toFixed(1)} s`,
      run.error ? `error: ${run.error}` : null,
    ]
      .filter(Boolean)
      .join("\n"),
  };
}

/**
 * Tells every enabled target that a run ended: the pipeline's `onFinished` subscriber. Never
 * throws (a notification outage must not fail the run); failures go to the run's log.
 */
export async function notifyRunFinished(run: RunView, log: Pick<RunLog, "write">): Promise<DeliveryView[]> {
  // A dry run is a rehearsal: its starter reads the result on the run's page, nobody else is paged.
  if (run.dryRun) return [];
  try {
    const targets = await db.notificationTarget.findMany({
      where: { enabled: true },
      orderBy: { id: "asc" },
      select: { id: true, kind: true, target: true },
    });
    const message = runMessage(run);
    const deliveries = await Promise.all(targets.map((target) => deliver(target, message, { runId: run.id })));
    for (const delivery of deliveries.filter((entry) => entry.status === "FAILED")) {
      const target = `${delivery.kind} target #${delivery.targetId} (${delivery.target})`; // masked by the view
      await log.write("WARN", `notification to ${target} failed after ${delivery.attempts} attempts: ${delivery.error}`);
    }
    return deliveries;
  } catch (error) {
    await log.write("WARN", `notifications not sent: ${errorMessage(error)}`).catch(() => {});
    return [];
  }
}
