// "Today's file": data/inbox/sales_YYYYMMDD.csv, dated in the business time zone.
import { access } from "node:fs/promises";
import path from "node:path";

import { businessDate } from "../time/business-time";

export const INBOX_DIR = path.resolve("data", "inbox");

export function inboxFileFor(now: Date, dir = INBOX_DIR): string {
  return path.join(dir, `sales_${businessDate(now).replaceAll("-", "")}.csv`);
}

/** Today's inbox file, or null when it has not arrived. */
export async function findTodaysInboxFile(now = new Date(), dir = INBOX_DIR): Promise<string | null> {
  const file = inboxFileFor(now, dir);
  return access(file).then(
    () => file,
    () => null,
  );
}
