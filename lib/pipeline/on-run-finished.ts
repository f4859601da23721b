// What follows the end of every run, whoever started it (upload, inbox, remote source, CLI).
import "server-only";

import { refreshKpisAfterWrite } from "../kpis/refresh-after-write";
import { noticeRunFinished } from "../notices/run-notices";
import { notifyRunFinished } from "../notifications/deliver";
import type { RunLog } from "./run-log";
import type { RunView } from "./types";

/** The pipeline's `onFinished` subscriber: KPIs when sales changed, email and Slack targets, and in-app notices. Never throws. */
export async function onRunFinished(run: RunView, log: Pick<RunLog, "write">): Promise<void> {
  const changedSales = run.status === "SUCCEEDED" && !run.dryRun && run.rowsInserted + run.rowsUpdated > 0;
  await Promise.all([changedSales ? refreshKpisAfterWrite() : null, notifyRunFinished(run, log), noticeRunFinished(run)]);
}
