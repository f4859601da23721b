// GET /api/cron/tick-invoices: insert the invoices due since the last tick, for every running generator, and broadcast them.
// Called every 200 ms by the local worker and by Vercel Cron; concurrent calls never duplicate.
import { tickAndRefresh } from "@/lib/invoices/tick-and-refresh";
import { withCron } from "@/lib/server/http/with-cron";

export const dynamic = "force-dynamic";
// The load (or catch-up) continues after the response, within the function's time.
export const maxDuration = 300;

export const GET = withCron(async () => {
  const { inserted, produced, state, skipped, writeMs, generators } = await tickAndRefresh();
  return { inserted, produced, state, skipped, writeMs: Math.round(writeMs), generators };
});
