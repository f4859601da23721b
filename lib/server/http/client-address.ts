/** The caller's address as the nearest proxy reports it (the first `x-forwarded-for` entry), if any. */
export function clientAddress(forwardedFor: string | null | undefined): string | undefined {
  return forwardedFor?.split(",")[0]?.trim() || undefined;
}
