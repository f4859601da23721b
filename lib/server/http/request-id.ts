// Shared with proxy.ts, so no "server-only" here.
export const REQUEST_ID_HEADER = "x-request-id";
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id when it is sane, else a new one. */
export function resolveRequestId(incoming: string | null | undefined): string {
  return incoming && ACCEPTED.test(incoming) ? incoming : crypto.randomUUID();
}
