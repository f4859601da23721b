import "server-only";

import { db } from "../server/db";
import { logger } from "../server/logger";
import { errorMessage } from "../utils/error-message";
import type { LiveMessage } from "./live-message";
import { pusherServer } from "./pusher-server";

export interface OutgoingEvent {
  channel: string;
  name: string;
  data: unknown;
}

// Pusher refuses event data over 10 KB and batches over 10 events.
const MAX_DATA_BYTES = 10 * 1024;
const MAX_BATCH = 10;

/**
 * Reserves `count` sequence numbers per channel in one statement; the database
 * is the counter, so several app instances never hand out the same number.
 * Returns the first number reserved for each channel.
 */
async function reserveSequences(counts: Map<string, number>): Promise<Map<string, number>> {
  const channels = [...counts.keys()];
  const rows = await db.$queryRaw<{ channel: string; seq: number }[]>`
    INSERT INTO "ChannelSequence" (channel, seq)
    SELECT * FROM unnest(${channels}::text[], ${channels.map((channel) => counts.get(channel)!)}::int[])
    ON CONFLICT (channel) DO UPDATE SET seq = "ChannelSequence".seq + EXCLUDED.seq
    RETURNING channel, seq`;
  return new Map(rows.map((row) => [row.channel, row.seq - counts.get(row.channel)! + 1]));
}

let publishFailing = false;

function describe(error: unknown): string {
  const cause = (error as { error?: { message?: string } }).error?.message;
  return cause ?? errorMessage(error);
}

export function toLiveMessage(seq: number, data: unknown, sentAt = new Date()): LiveMessage {
  const message: LiveMessage = { seq, sentAt: sentAt.toISOString(), data };
  return Buffer.byteLength(JSON.stringify(message)) > MAX_DATA_BYTES ? { seq, sentAt: message.sentAt, refetch: true } : message;
}

/**
 * Publishes events with per-channel sequence numbers, in as few HTTP calls as
 * Pusher allows. A realtime outage is logged, not thrown: writers must not fail
 * because nobody is listening, and clients catch up through the sequence gap.
 */
export async function publishEvents(events: readonly OutgoingEvent[]): Promise<void> {
  if (events.length === 0) return;
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.channel, (counts.get(event.channel) ?? 0) + 1);
  const next = await reserveSequences(counts);
  const batch = events.map((event) => {
    const seq = next.get(event.channel)!;
    next.set(event.channel, seq + 1);
    return { channel: event.channel, name: event.name, data: JSON.stringify(toLiveMessage(seq, event.data)) };
  });
  for (let start = 0; start < batch.length; start += MAX_BATCH) {
    try {
      await pusherServer.triggerBatch(batch.slice(start, start + MAX_BATCH));
    } catch (error) {
      // Once per outage: a down server would otherwise log on every tick.
      if (!publishFailing) logger.warn({ error: describe(error), channels: [...counts.keys()] }, "realtime publish failed");
      publishFailing = true;
      return;
    }
  }
  if (publishFailing) logger.info("realtime publish recovered");
  publishFailing = false;
}
