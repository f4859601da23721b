// Response headers that make the browser refuse what the app never does: foreign scripts,
// framing, MIME sniffing, leaking full URLs, powerful features. Shared by proxy.ts (no `server-only`).
import { getRealtimeClientConfig } from "../../realtime/client-config";
import { env, trustsProxy } from "../env";

/** Where the browser may open its realtime socket: the configured host, or Pusher's cluster hosts. */
function realtimeSources(): string {
  const { host, port, useTLS, cluster } = getRealtimeClientConfig();
  const scheme = useTLS ? "wss" : "ws";
  return `${scheme}://${host}:${port} ${scheme}://ws-${cluster}.pusher.com`;
}

export function contentSecurityPolicy(nonce: string, { frameable }: { frameable: boolean }): string {
  const development = env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // Next's own inline scripts carry the nonce; 'strict-dynamic' lets them load the chunks they need.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Charts and Next set inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${realtimeSources()}${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Only a share link's read-only view is meant to be embedded (a wall screen, an intranet page).
    `frame-ancestors ${frameable ? "*" : "'none'"}`,
  ].join("; ");
}

/** Whether the browser reached us over https (directly, or through a proxy we trust to say so). */
function isHttps(request: Request): boolean {
  if (new URL(request.url).protocol === "https:") return true;
  return trustsProxy(env) && request.headers.get("x-forwarded-proto") === "https";
}

export function securityHeaders(request: Request, { nonce, frameable }: { nonce: string; frameable: boolean }): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(nonce, { frameable }),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(frameable ? {} : { "x-frame-options": "DENY" }),
    ...(isHttps(request) ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
