// What the share viewer and the server agree on (client-safe): where the token travels, and the
// event that tells open viewers their link was revoked.

/** The share token travels in this header, from the page's URL: never in a cookie, never in a query string. */
export const SHARE_TOKEN_HEADER = "x-share-token";

/** Published on `private-share-{id}` when the link is revoked; open viewers drop to "link revoked". */
export const SHARE_REVOKED_EVENT = "share.revoked";

/** The endpoints a share viewer calls; nothing else accepts a share token. */
export const SHARE_ENDPOINTS = {
  kpis: "/api/share/kpis",
  invoices: "/api/share/invoices",
  realtimeAuth: "/api/realtime/share-auth",
} as const;
