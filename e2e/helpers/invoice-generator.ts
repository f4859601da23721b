import { expect, type APIRequestContext } from "@playwright/test";
import pg from "pg";

import { E2E_PG_PORT } from "../../playwright.config";

export const CRON_HEADERS = { authorization: `Bearer ${process.env.CRON_SECRET ?? "pulseboard-cron-secret"}` };

/** The generator is one per app: tests that run it (in any project or worker) take turns. */
export async function holdGenerator(): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: `postgresql://postgres:pulseboard-local@127.0.0.1:${E2E_PG_PORT}/pulseboard` });
  await client.connect();
  await client.query("SELECT pg_advisory_lock(727005)");
  return async () => {
    await client.query("SELECT pg_advisory_unlock(727005)");
    await client.end();
  };
}

/** Calls the tick route every 200 ms, as the local worker does, until stopped (so tests pass with or without it). */
export function driveTicks(request: APIRequestContext): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      const response = await request.get("/api/cron/tick-invoices", { headers: CRON_HEADERS });
      expect(response.status()).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}
