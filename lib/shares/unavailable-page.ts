import "server-only";

import { getLocale, getTranslator } from "../i18n/server";
import type { ShareLookup } from "./resolve-share";

export type UnusableShare = Exclude<ShareLookup["status"], "active">;

// A page cannot choose its HTTP status in the App Router, so a link that opens nothing is answered
// by a route handler (proxy.ts rewrites to it) with this small self-contained page: no scripts.
const STYLE = `
:root { color-scheme: light dark; --bg: #f8fafc; --fg: #1e2230; --muted: #667085; --badge: #eef1f5; }
@media (prefers-color-scheme: dark) { :root { --bg: #0f1320; --fg: #eef0f4; --muted: #a3a9b8; --badge: #262b3a; } }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100dvh; display: flex; align-items: center; justify-content: center; padding: 2.5rem 1rem;
  background: var(--bg); color: var(--fg); font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 28rem; text-align: center; }
.icon { display: inline-flex; padding: 1rem; border-radius: 9999px; background: var(--badge); color: var(--muted); margin-bottom: 1.25rem; }
h1 { margin: 0; font-size: 1.5rem; font-weight: 600; letter-spacing: -0.01em; }
p { margin: 0.5rem 0 0; color: var(--muted); font-size: 0.875rem; line-height: 1.5; }
`;

// lucide's "link-2-off", inlined: the page loads nothing else.
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M9 17H7A5 5 0 0 1 7 7"/><path d="M15 7h2a5 5 0 0 1 4 8"/><line x1="8" x2="12" y1="12" y2="12"/><line x1="2" x2="22" y1="2" y2="22"/></svg>`;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);

/** The answer for a link that opens nothing: 404 for an unknown token, 410 for an expired or revoked one. */
export async function shareUnavailableResponse(reason: UnusableShare): Promise<Response> {
  const [t, locale] = await Promise.all([getTranslator(), getLocale()]);
  const title = escapeHtml(t(`shares.unavailable.${reason}.title`));
  const description = escapeHtml(t(`shares.unavailable.${reason}.description`));
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>${title} · Pulseboard</title><style>${STYLE}</style></head>
<body><main data-testid="share-unavailable" data-reason="${reason}"><div class="icon">${ICON}</div><h1>${title}</h1><p>${description}</p></main></body></html>`;
  return new Response(html, {
    status: reason === "unknown" ? 404 : 410,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-robots-tag": "noindex, nofollow" },
  });
}
