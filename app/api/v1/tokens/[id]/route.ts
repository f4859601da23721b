// DELETE /api/v1/tokens/{id}: revoke an API token at once (the caller's own; any token for an ADMIN).
import { withSession } from "@/lib/server/http/with-session";
import { revokeToken } from "@/lib/tokens/manage-tokens";

export const dynamic = "force-dynamic";

export const DELETE = withSession<{ id: string }>("dashboards.read", (_request, { user, params, requestId, ip }) =>
  revokeToken(user, params.id, { requestId, ip }),
);
