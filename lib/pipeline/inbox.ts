// "Today's file": sales_YYYYMMDD.csv in the inbox folder, dated in the business time zone.
import { access } from "node:fs/promises";
import path from "node:path";

import { env } from "../server/env";
import { businessDate } from "../time/business-time";

/** The inbox folder: PIPELINE_INBOX_DIR, else data/inbox; null on Vercel without one (nothing there persists). */
export function inboxDir(): string | null {
  if (env.PIPELINE_INBOX_DIR) return path.resolve(env.PIPELINE_INBOX_DIR);
  return env.VERCEL === undefined ? path.resolve("data", "inbox") : null;
}

export function inboxFileFor(now: Date, dir: string): string {
  return path.join(dir, `sales_${businessDate(now).replaceAll("-", "")}.csv`);
}

/** Today's inbox file, or null when it has not arrived. */
export async function findTodaysInboxFile(dir: string, now = new Date()): Promise<string | null> {
  const file = inboxFileFor(now, dir);
  return access(file).then(
    () => file,
    () => null,
  );
}
