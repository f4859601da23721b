import { env, trustsProxy } from "../env";

/**
 * The caller's address, when it can be known: the entry the nearest proxy appended to
 * `x-forwarded-for` (the last one: entries to its left are whatever the client sent), and only
 * when a trusted proxy is configured. Without one the header is the client's to forge: undefined.
 */
export function clientAddress(forwardedFor: string | null | undefined): string | undefined {
  if (!trustsProxy(env) || !forwardedFor) return undefined;
  return forwardedFor.split(",").at(-1)?.trim() || undefined;
}
