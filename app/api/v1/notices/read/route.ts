// POST /api/v1/notices/read: marks the caller's notices read, { ids } or { all: true }.
import { markNoticesRead } from "@/lib/notices/list-notices";
import { readNoticesSchema } from "@/lib/notices/types";
import { withSession } from "@/lib/server/http/with-session";

export const POST = withSession("dashboards.read", async (request, { user }) =>
  markNoticesRead(user.id, readNoticesSchema.parse(await request.json())),
);
