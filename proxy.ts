// Redirects anonymous visitors to /login, answers share links that open nothing with their 404/410
// page, stamps every request with an id, and sends the security headers (a fresh script nonce per
// request). Only a convenience for access: every page and route handler checks the session again.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

import { env } from "./lib/server/env";
import { REQUEST_ID_HEADER, resolveRequestId } from "./lib/server/http/request-id";
import { securityHeaders } from "./lib/server/http/security-headers";
import { lookUpShare } from "./lib/shares/resolve-share";

// /set-password/[token]: invited people and password resets have no session yet; the token is the proof.
// The web app manifest is fetched without cookies.
const PUBLIC_PREFIXES = ["/login", "/share/", "/set-password/", "/api/", "/manifest.webmanifest"];
const SHARE_PAGE = /^\/share\/([^/]+)$/;

/** Whether a share link's page opens nothing; a failed lookup lets the page itself answer. */
async function isUnusableShare(token: string): Promise<boolean> {
  try {
    return (await lookUpShare(token)).status !== "active";
  } catch {
    return false;
  }
}

export async function proxy(request: NextRequest) {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders(request, { nonce, frameable: pathname.startsWith("/share/") });
  const isPublic = PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
  let response: NextResponse;
  if (!isPublic && !(await getToken({ req: request, secret: env.NEXTAUTH_SECRET }))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set(REQUEST_ID_HEADER, requestId);
    forwarded.set("x-pathname", pathname);
    // Next reads the nonce from the request's policy and puts it on the scripts it renders.
    forwarded.set("content-security-policy", headers["content-security-policy"]!);
    forwarded.set("x-nonce", nonce);
    // A link that opens nothing gets a page with its real status (404 or 410), which only a route handler can set.
    const share = request.method === "GET" ? SHARE_PAGE.exec(pathname) : null;
    response =
      share && (await isUnusableShare(share[1]!))
        ? NextResponse.rewrite(new URL(`${pathname}/unavailable`, request.url), { request: { headers: forwarded } })
        : NextResponse.next({ request: { headers: forwarded } });
  }
  // A share link's URL is its secret: keep its pages out of search engines.
  if (pathname.startsWith("/share/")) response.headers.set("x-robots-tag", "noindex, nofollow");
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets and Next internals need no session. Uploads bypass the proxy, which
  // would buffer the body (and cut it at 10 MB); their route checks the session itself.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icons/|api/v1/pipeline/runs$|.*\\.(?:svg|png|jpg|ico|webp|woff2)$).*)"],
};
