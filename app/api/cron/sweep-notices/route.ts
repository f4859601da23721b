// GET /api/cron/sweep-notices: notices for share links expiring within a day, and pruning of notices over 30 days old.
// Called by the local scheduler every minute and by Vercel Cron.
import { sweepNotices } from "@/lib/notices/sweep-notices";
import { withCron } from "@/lib/server/http/with-cron";

export const dynamic = "force-dynamic";
// Crons get a long function's time, like every route Vercel may run long.
export const maxDuration = 300;

export const GET = withCron(() => sweepNotices());
