/** Fetches one of our JSON endpoints and unwraps the envelope; an error envelope throws with its message. */
export async function fetchEnvelope<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { cache: "no-store", ...init });
  const body = (await response.json().catch(() => null)) as { data: T; error: { code: string; message: string } | null } | null;
  if (!response.ok || !body || body.error) throw new Error(body?.error?.message ?? `Request failed (${response.status})`);
  return body.data;
}
