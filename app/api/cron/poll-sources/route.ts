// GET /api/cron/poll-sources: loads the remote sources whose interval has passed.
// Called by the local scheduler every minute and by Vercel Cron.
import { pollSources } from "@/lib/pipeline/remote-sources";
import { withCron } from "@/lib/server/http/with-cron";

export const dynamic = "force-dynamic";
// A download and its load may take a while.
export const maxDuration = 300;

export const GET = withCron(async () => ({
  polled: (await pollSources()).map(({ sourceId, status, error, run }) => ({ sourceId, status, error, runId: run?.id ?? null })),
}));
