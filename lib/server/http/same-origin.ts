import { env, trustsProxy } from "../env";
import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a cookie-borne write another site started (CSRF). Browsers send `Origin` on every
 * POST, PUT, PATCH and DELETE, and `Sec-Fetch-Site` with it; a foreign value of either is
 * refused. Callers with a bearer token are exempt: a browser never attaches one by itself.
 * Without either header the caller is not a browser, so there is no ambient cookie to abuse.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method) || request.headers.get("authorization")?.startsWith("Bearer ")) return;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw crossSite();
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const host = (trustsProxy(env) && request.headers.get("x-forwarded-host")) || request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw crossSite();
  }
  if (originHost !== host) throw crossSite();
}

const crossSite = () => new AppError(403, "CROSS_SITE_REQUEST", "This request came from another site and was refused.");
