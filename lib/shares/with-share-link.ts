import "server-only";

import { withRequest, type Handler } from "../server/http/with-request";
import { requireActiveShare, type ActiveShare } from "./resolve-share";
import { SHARE_TOKEN_HEADER } from "./share-protocol";

/**
 * The gate for a share viewer's endpoints: the token from the `x-share-token` header must open an
 * active link (404 unknown, 410 expired or revoked). The handler gets the link, never a user.
 */
export function withShareLink<Params = Record<string, never>>(handler: Handler<Params, { share: ActiveShare }>) {
  return withRequest<Params>(async (request, context) => {
    const share = await requireActiveShare(request.headers.get(SHARE_TOKEN_HEADER) ?? "");
    context.log = context.log.child({ shareId: share.id });
    return handler(request, { ...context, share });
  });
}
