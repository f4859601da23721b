// Pusher's request signing: every REST call carries its key, a fresh timestamp, the body's MD5
// and an HMAC over method, path and sorted query.
import type { AppConfig } from "./options";
import { md5Hex, safeEqual, signHmac } from "./signature";

export interface SignedRequest {
  method: string;
  /** The path exactly as sent (not re-encoded), since that is what the client signed. */
  path: string;
  query: URLSearchParams;
  body: string;
}

/**
 * What the query alone can prove wrong: no signature, another app's key, a stale timestamp. Checked
 * before the body is read, so a forged or replayed request costs the server no upload.
 */
export function findAuthParamsError(app: AppConfig, query: URLSearchParams, windowSeconds: number, nowMs = Date.now()): string | undefined {
  if (!query.get("auth_signature")) return "Missing auth_signature";
  if (query.get("auth_key") !== app.key) return "Unknown auth_key";
  if (query.get("auth_version") !== "1.0") return "auth_version must be 1.0";
  const timestamp = Number(query.get("auth_timestamp") ?? Number.NaN);
  if (!Number.isInteger(timestamp) || Math.abs(nowMs / 1000 - timestamp) > windowSeconds) {
    return `auth_timestamp must be within ${windowSeconds} s of the server time`;
  }
  return undefined;
}

/** Returns why the request is not correctly signed, or undefined when it is. */
export function findSignatureError(app: AppConfig, request: SignedRequest, windowSeconds: number, nowMs = Date.now()): string | undefined {
  const { query } = request;
  const paramsError = findAuthParamsError(app, query, windowSeconds, nowMs);
  if (paramsError !== undefined) return paramsError;
  const bodyMd5 = query.get("body_md5");
  if ((request.body !== "" || bodyMd5 !== null) && bodyMd5 !== md5Hex(request.body)) return "body_md5 does not match the body";
  const signedQuery = [...query]
    .filter(([key]) => key !== "auth_signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  const stringToSign = `${request.method}\n${request.path}\n${signedQuery}`;
  if (safeEqual(query.get("auth_signature") ?? "", signHmac(app.secret, stringToSign))) return undefined;
  // Naming what was signed (never the secret) is what makes a mismatch debuggable.
  return `Invalid signature: expected HMAC-SHA256 of ${JSON.stringify(stringToSign)}`;
}
