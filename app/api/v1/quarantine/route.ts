// GET /api/v1/quarantine?runId&reason&status&before&limit: rejected rows the caller may review.
import { listQuarantine, quarantineQuerySchema } from "@/lib/pipeline/quarantine";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("quarantine.review", async (request, { user }) =>
  listQuarantine(user, quarantineQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams))),
);
