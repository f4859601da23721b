// Delivery with retries and a stored history, on a plain pg connection so the CLI's runs notify too.
import "server-only";

import type pg from "pg";

import type { RunView } from "../pipeline/types";
import { errorMessage } from "../utils/error-message";
import { send, type Message } from "./send";
import type { DeliveryView, NotificationKind } from "./targets";

/** Waits before the 2nd and 3rd attempts; a target still failing after them is FAILED. */
export const RETRY_DELAYS_MS = [1_000, 4_000];

type Target = { id: number; kind: NotificationKind; target: string };

const DELIVERY_COLUMNS = `d.id, d."targetId", t.kind, t.target, d."runId", d."isTest", d.status, d.attempts, d.error, d."createdAt", d."sentAt"`;

function toView(row: Record<string, unknown>): DeliveryView {
  return {
    ...(row as unknown as DeliveryView),
    createdAt: (row.createdAt as Date).toISOString(),
    sentAt: row.sentAt ? (row.sentAt as Date).toISOString() : null,
  };
}

/** One delivery by id, or (without one) the latest `limit`, newest first. */
export async function readDeliveries(client: pg.ClientBase, { id, limit = 1 }: { id?: number; limit?: number }): Promise<DeliveryView[]> {
  const { rows } = await client.query(
    `SELECT ${DELIVERY_COLUMNS} FROM "NotificationDelivery" d JOIN "NotificationTarget" t ON t.id = d."targetId"
     WHERE $1::int IS NULL OR d.id = $1 ORDER BY d.id DESC LIMIT $2`,
    [id ?? null, limit],
  );
  return rows.map((row) => toView(row as Record<string, unknown>));
}

/** Sends one message to one target, retrying, and records every attempt's outcome. */
export async function deliver(
  client: pg.ClientBase,
  target: Target,
  message: Message,
  options: { runId?: number; isTest?: boolean; retryDelaysMs?: readonly number[] } = {},
): Promise<DeliveryView> {
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO "NotificationDelivery" ("targetId", "runId", "isTest") VALUES ($1, $2, $3) RETURNING id`,
    [target.id, options.runId ?? null, options.isTest ?? false],
  );
  const id = rows[0]!.id;
  for (let attempt = 1; ; attempt++) {
    try {
      await send(target.kind, target.target, message);
      await client.query(`UPDATE "NotificationDelivery" SET status = 'SENT', attempts = $2, error = NULL, "sentAt" = now() WHERE id = $1`, [
        id,
        attempt,
      ]);
      break;
    } catch (error) {
      const reason = errorMessage(error);
      const last = attempt > retryDelays.length;
      await client.query(`UPDATE "NotificationDelivery" SET status = $2, attempts = $3, error = $4 WHERE id = $1`, [
        id,
        last ? "FAILED" : "PENDING",
        attempt,
        reason,
      ]);
      if (last) break;
      await new Promise((resolve) => setTimeout(resolve, retryDelays[attempt - 1]));
    }
  }
  const [view] = await readDeliveries(client, { id });
  return view!;
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

/** Tells every enabled target that a run ended. Never throws: a notification outage must not fail the run. */
export async function notifyRunFinished(
  client: pg.ClientBase,
  run: RunView,
  log: (line: string) => Promise<void> = async () => {},
): Promise<DeliveryView[]> {
  try {
    const { rows: targets } = await client.query<Target>(`SELECT id, kind, target FROM "NotificationTarget" WHERE enabled ORDER BY id`);
    const message = runMessage(run);
    const deliveries: DeliveryView[] = [];
    // One after another: the connection is shared, and targets are few.
    for (const target of targets) deliveries.push(await deliver(client, target, message, { runId: run.id }));
    for (const delivery of deliveries.filter((entry) => entry.status === "FAILED")) {
      await log(`notification to ${delivery.target} failed after ${delivery.attempts} attempts: ${delivery.error}`);
    }
    return deliveries;
  } catch (error) {
    await log(`notifications not sent: ${errorMessage(error)}`).catch(() => {});
    return [];
  }
}
