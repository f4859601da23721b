// GET /share/{token}/unavailable: the page of a link that opens nothing (proxy.ts rewrites /share/{token} here),
// with its real status: 404 for an unknown token, 410 for an expired or revoked one.
import { NextResponse } from "next/server";

import { publicOrigin } from "@/lib/server/http/public-origin";
import { withRequest } from "@/lib/server/http/with-request";
import { lookUpShare } from "@/lib/shares/resolve-share";
import { shareUnavailableResponse } from "@/lib/shares/unavailable-page";

export const dynamic = "force-dynamic";

export const GET = withRequest<{ token: string }>(async (request, { params }) => {
  const { status } = await lookUpShare(params.token);
  if (status === "active") return NextResponse.redirect(new URL(`/share/${encodeURIComponent(params.token)}`, publicOrigin(request)));
  return shareUnavailableResponse(status);
});
