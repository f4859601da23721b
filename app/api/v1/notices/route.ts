// GET /api/v1/notices: the caller's in-app notices, newest first (keyset by `before`), with the unread count.
import { listNotices } from "@/lib/notices/list-notices";
import { noticesQuerySchema } from "@/lib/notices/types";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("dashboards.read", (request, { user }) =>
  listNotices(user.id, noticesQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams))),
);
