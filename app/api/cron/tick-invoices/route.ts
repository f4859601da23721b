// GET /api/cron/tick-invoices: insert the invoices due since the last tick, for every running generator, and broadcast them.
// Called every 200 ms by the local worker and by Vercel Cron; concurrent calls never duplicate.
import { tickInvoices } from "@/lib/invoices/tick-invoices";
import { withCron } from "@/lib/server/http/with-cron";

export const dynamic = "force-dynamic";

export const GET = withCron(async () => {
  const { inserted, produced, state, skipped, writeMs, generators } = await tickInvoices();
  return { inserted, produced, state, skipped, writeMs: Math.round(writeMs), generators };
});
