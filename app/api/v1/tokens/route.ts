// GET /api/v1/tokens: the caller's API tokens (all=1: everyone's, ADMIN); POST: create one, its secret answered once.
import { can } from "@/lib/permissions";
import { forbiddenError } from "@/lib/server/errors";
import { ok } from "@/lib/server/http/envelope";
import { withSession } from "@/lib/server/http/with-session";
import { createToken, listTokens } from "@/lib/tokens/manage-tokens";
import { newTokenSchema, tokenListQuerySchema } from "@/lib/tokens/types";

export const dynamic = "force-dynamic";

export const GET = withSession("dashboards.read", (request, { user }) => {
  const all = tokenListQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams)).all === "1";
  if (all && !can(user.role, "admin.tokens")) throw forbiddenError("Only an ADMIN lists everyone's tokens.");
  return listTokens(user, { all });
});

export const POST = withSession("dashboards.read", async (request, { user, credential, requestId, ip }) => {
  // A token minting tokens could outlive its own expiry or revocation: new tokens need a signed-in person.
  if (credential === "token") throw forbiddenError("Create API tokens from a signed-in session (/account), not with a token.");
  const created = await createToken(user, newTokenSchema.parse(await request.json()), { requestId, ip });
  return ok(requestId, created, undefined, 201);
});
