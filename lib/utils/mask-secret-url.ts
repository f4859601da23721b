/** A secret URL (a webhook) as logs and histories may show it: its origin and last 4 characters. */
export function maskSecretUrl(url: string): string {
  const origin = URL.canParse(url) ? new URL(url).origin : "";
  return `${origin}/…/${url.slice(-4)}`;
}
