// A base no real request has: a value that resolves elsewhere left the app.
const BASE = "http://callback.invalid";

/**
 * A same-site path to return to after sign-in, or undefined. Parsed the way a browser does
 * (tabs and newlines dropped, backslashes as slashes), so `/\t/evil.example` or `/\evil.example`
 * cannot become `//evil.example` on the way.
 */
export function safeCallbackUrl(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.startsWith("/")) return undefined;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE || url.pathname === "/login" || url.pathname.startsWith("/login/")) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
