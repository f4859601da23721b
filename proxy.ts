// Redirects anonymous visitors to /login and stamps every request with an id.
// Only a convenience: every page, route handler and action checks the session again.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

import { env } from "./lib/server/env";
import { REQUEST_ID_HEADER, resolveRequestId } from "./lib/server/http/request-id";

const PUBLIC_PREFIXES = ["/login", "/share/", "/api/"];

export async function proxy(request: NextRequest) {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
  if (!isPublic && !(await getToken({ req: request, secret: env.NEXTAUTH_SECRET }))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    const response = NextResponse.redirect(login);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set("x-pathname", pathname);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Static assets and Next internals need no session. Uploads bypass the proxy, which
  // would buffer the body (and cut it at 10 MB); their route checks the session itself.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icons/|api/v1/pipeline/runs$|.*\\.(?:svg|png|jpg|ico|webp|woff2)$).*)"],
};
