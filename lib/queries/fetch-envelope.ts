/** A failed call to one of our endpoints: the envelope's code and message, or the HTTP status when there was none. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Fetches one of our JSON endpoints and unwraps the envelope; an error envelope throws an ApiError. */
export async function fetchEnvelope<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { cache: "no-store", ...init });
  const body = (await response.json().catch(() => null)) as { data: T; error: { code: string; message: string } | null } | null;
  if (!response.ok || !body || body.error) {
    throw new ApiError(
      body?.error?.code ?? "REQUEST_FAILED",
      body?.error?.message ?? `Request failed (${response.status})`,
      response.status,
    );
  }
  return body.data;
}

export interface ApiWrite {
  url: string;
  /** POST unless told. */
  method?: string;
  /** FormData goes as it is, anything else as JSON. */
  body?: unknown;
}

/** A write to one of our endpoints, unwrapped like `fetchEnvelope`. */
export function sendEnvelope<T = unknown>({ url, method = "POST", body }: ApiWrite): Promise<T> {
  if (body instanceof FormData) return fetchEnvelope<T>(url, { method, body });
  return fetchEnvelope<T>(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
}
