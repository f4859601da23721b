// GET /api/cron/sweep-notices: notices for share links expiring within a day, and pruning of notices over 30 days old
// and of sign-in attempts no throttle check reads any more. Called by the local scheduler every minute and by Vercel Cron.
import { sweepNotices } from "@/lib/notices/sweep-notices";
import { pruneSignInAttempts } from "@/lib/server/auth/throttle";
import { withCron } from "@/lib/server/http/with-cron";

export const dynamic = "force-dynamic";
// Crons get a long function's time, like every route Vercel may run long.
export const maxDuration = 300;

export const GET = withCron(async () => ({ ...(await sweepNotices()), signInAttemptsPruned: await pruneSignInAttempts() }));
