import "server-only";

import { NextResponse } from "next/server";

import { REQUEST_ID_HEADER } from "./request-id";

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export interface Envelope<T> {
  data: T | null;
  error: ErrorBody | null;
  metadata: { requestId: string } & Record<string, unknown>;
}

/** Every JSON response has this shape, `{ data, error, metadata }`, with the request id echoed in metadata and a header. */
export function respond<T>(
  requestId: string,
  body: { data: T | null; error: ErrorBody | null; metadata?: Record<string, unknown> },
  status = 200,
) {
  const envelope: Envelope<T> = { data: body.data, error: body.error, metadata: { ...body.metadata, requestId } };
  return NextResponse.json(envelope, { status, headers: { [REQUEST_ID_HEADER]: requestId, "cache-control": "no-store" } });
}

export const ok = <T>(requestId: string, data: T, metadata?: Record<string, unknown>, status = 200) =>
  respond(requestId, { data, error: null, metadata }, status);

export const fail = (requestId: string, status: number, error: ErrorBody) => respond(requestId, { data: null, error }, status);
