import "server-only";

import type { NextRequest } from "next/server";

import { logger, type Logger } from "../logger";
import { clientAddress } from "./client-address";
import { fail, ok } from "./envelope";
import { mapError } from "./map-error";
import { resolveRequestId } from "./request-id";
import { assertSameOrigin } from "./same-origin";

export interface RequestContext<Params> {
  requestId: string;
  log: Logger;
  params: Params;
  /** The caller's address, for audit entries and throttles. */
  ip: string | undefined;
}

type RouteContext<Params> = { params: Promise<Params> };
export type Handler<Params, Extra = object> = (request: NextRequest, context: RequestContext<Params> & Extra) => unknown;

/**
 * The base of every route handler: a request id (the caller's or a new one),
 * a logger carrying it, the envelope, and the one error mapper. A handler
 * returns data (wrapped in the envelope) or a ready Response.
 */
export function withRequest<Params = Record<string, never>>(handler: Handler<Params>) {
  return async (request: NextRequest, route: RouteContext<Params>): Promise<Response> => {
    const requestId = resolveRequestId(request.headers.get("x-request-id"));
    const log = logger.child({ requestId, method: request.method, path: request.nextUrl.pathname });
    const started = performance.now();
    let response: Response;
    try {
      assertSameOrigin(request);
      const result = await handler(request, {
        requestId,
        log,
        params: await route.params,
        ip: clientAddress(request.headers.get("x-forwarded-for")),
      });
      response = result instanceof Response ? result : ok(requestId, result);
    } catch (error) {
      const { status, body } = mapError(error, log);
      response = fail(requestId, status, body);
    }
    log.info({ status: response.status, durationMs: Math.round(performance.now() - started) }, "request");
    return response;
  };
}
