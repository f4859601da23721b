import "server-only";

import { env } from "../server/env";
import { logger } from "../server/logger";
import { errorMessage } from "../utils/error-message";
import { refreshKpiSnapshots } from "./refresh-snapshots";

// One refresh in flight per process; writes meanwhile ask for one more after it, not one each.
let inFlight: Promise<void> | null = null;
let again = false;

/**
 * Refreshes and publishes every scope's KPI snapshot after a write to sales has committed, so
 * the numbers move at once without a scheduled refresh (a Hobby plan's cron runs daily). The
 * promise ends with a refresh that started after the call. Off where `npm start` listens for the
 * sales triggers instead (KPI_REFRESH_ON_WRITE=false).
 */
export function refreshKpisAfterWrite(): Promise<void> {
  if (!env.KPI_REFRESH_ON_WRITE) return Promise.resolve();
  if (inFlight) {
    again = true;
    return inFlight;
  }
  inFlight = (async () => {
    do {
      again = false;
      await refreshKpiSnapshots().catch((error: unknown) =>
        logger.error({ error: errorMessage(error) }, "KPI refresh after a write failed"),
      );
    } while (again);
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}
