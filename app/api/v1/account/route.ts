// GET /api/v1/account: the caller's own account; PATCH: rename it ({ name }).
import { accountUpdateSchema } from "@/lib/account/types";
import { renameAccount, toAccount } from "@/lib/account/update-account";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("dashboards.read", (_request, { user }) => toAccount(user));

export const PATCH = withSession("dashboards.read", async (request, { user, requestId, ip }) =>
  renameAccount(user, accountUpdateSchema.parse(await request.json()), { requestId, ip }),
);
