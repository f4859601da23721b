// POST /api/v1/set-password: choose a password with an invitation or reset link's token (public; the token is the proof).
import { withRequest } from "@/lib/server/http/with-request";
import { setPasswordWithLink } from "@/lib/users/password-links";
import { setPasswordSchema } from "@/lib/users/types";

export const dynamic = "force-dynamic";

export const POST = withRequest(async (request, { requestId, ip }) => {
  const { token, password } = setPasswordSchema.parse(await request.json());
  return setPasswordWithLink(token, password, { requestId, ip });
});
