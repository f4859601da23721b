// PUT /api/v1/account/password: change the caller's password ({ currentPassword, newPassword }); 403 WRONG_PASSWORD on a wrong current one.
import { passwordChangeSchema } from "@/lib/account/types";
import { changePassword } from "@/lib/account/update-account";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const PUT = withSession("dashboards.read", async (request, { user, requestId, ip }) =>
  changePassword(user, passwordChangeSchema.parse(await request.json()), { requestId, ip }),
);
