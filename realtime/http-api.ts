// HTTP side: health checks and Pusher's signed REST API under /apps/{id}.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

import { z } from "zod";

import type { AppState } from "./app-state";
import { findAuthParamsError, findSignatureError, type SignedRequest } from "./http-auth";
import { getChannel, getChannelUsers, listChannels } from "./http-channels";
import { HttpError } from "./http-error";
import { publishBatch, publishEvent } from "./http-events";
import type { ResolvedOptions } from "./options";
import { ErrorCode } from "./protocol";
import type { ServerContext } from "./server-context";

/** Routes that take no real body (terminate_connections sends `{}`) get this much. */
const SMALL_BODY_BYTES = 1024;

interface ApiRequest {
  ctx: ServerContext;
  app: AppState;
  params: string[];
  query: URLSearchParams;
  body: unknown;
}

interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  /** Bodies are buffered whole, so each route caps what it reads. */
  maxBody?: (options: ResolvedOptions) => number;
  handle(request: ApiRequest): unknown;
}

const routes: Route[] = [
  {
    method: "POST",
    pattern: /^\/events$/,
    maxBody: (options) => options.maxEventBodyBytes,
    handle: ({ ctx, app, body }) => publishEvent(ctx, app, body),
  },
  {
    method: "POST",
    pattern: /^\/batch_events$/,
    maxBody: (options) => options.maxBatchBodyBytes,
    handle: ({ ctx, app, body }) => publishBatch(ctx, app, body),
  },
  { method: "GET", pattern: /^\/channels$/, handle: ({ app, query }) => listChannels(app, query) },
  { method: "GET", pattern: /^\/channels\/([^/]+)$/, handle: ({ app, params, query }) => getChannel(app, params[0] ?? "", query) },
  { method: "GET", pattern: /^\/channels\/([^/]+)\/users$/, handle: ({ app, params }) => getChannelUsers(app, params[0] ?? "") },
  {
    method: "POST",
    pattern: /^\/users\/([^/]+)\/terminate_connections$/,
    handle: ({ app, params }) => {
      for (const connection of app.connectionsOfUser(params[0] ?? "")) connection.close(ErrorCode.unauthorized, "Terminated by the server");
      return {};
    },
  },
];

/** `health` feeds `GET /` and `GET /health` when they are signed; unsigned they only say the server is up. */
export function createHttpHandler(ctx: ServerContext, health: () => unknown): RequestListener {
  return (request, response) => {
    handleRequest(ctx, health, request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : error instanceof z.ZodError ? 400 : 500;
      const message =
        error instanceof HttpError ? error.message : error instanceof z.ZodError ? z.prettifyError(error) : "Internal server error";
      respond(response, status, { error: message });
    });
  };
}

async function handleRequest(ctx: ServerContext, health: () => unknown, request: IncomingMessage, response: ServerResponse) {
  const rawUrl = request.url ?? "/";
  const queryStart = rawUrl.includes("?") ? rawUrl.indexOf("?") : rawUrl.length;
  const path = rawUrl.slice(0, queryStart) || "/";
  const query = new URLSearchParams(rawUrl.slice(queryStart + 1));
  const method = request.method ?? "GET";
  const windowSeconds = ctx.options.authTimestampWindowSeconds;
  if (method === "GET" && (path === "/" || path === "/health")) {
    return respond(response, 200, healthReport(ctx, health, { method, path, query, body: "" }));
  }
  const [, appId = "", rest = ""] = /^\/apps\/([^/]+)(\/.*)$/.exec(path) ?? [];
  const app = ctx.appsById.get(decode(appId));
  if (!app) throw new HttpError(404, appId ? `Unknown app '${decode(appId)}'` : "Not found");
  const route = routes.find((candidate) => candidate.pattern.test(rest));
  if (!route) throw new HttpError(404, "Not found");
  if (route.method !== method) throw new HttpError(405, `Use ${route.method}`);
  const paramsError = findAuthParamsError(app.config, query, windowSeconds);
  if (paramsError) throw new HttpError(401, paramsError);
  const body = method === "POST" ? await readBody(request, route.maxBody?.(ctx.options) ?? SMALL_BODY_BYTES) : "";
  const signatureError = findSignatureError(app.config, { method, path, query, body }, windowSeconds);
  if (signatureError) throw new HttpError(401, signatureError);
  const params = (route.pattern.exec(rest) ?? []).slice(1).map(decode);
  respond(response, 200, route.handle({ ctx, app, params, query, body: body === "" ? {} : parseJson(body) }));
}

/** Process figures are for holders of an app secret, signed like the REST API; a bare check learns only "up". */
function healthReport(ctx: ServerContext, health: () => unknown, request: SignedRequest): unknown {
  if (!request.query.has("auth_signature")) return { ok: true };
  const app = ctx.appsByKey.get(request.query.get("auth_key") ?? "");
  const error = app ? findSignatureError(app.config, request, ctx.options.authTimestampWindowSeconds) : "Unknown auth_key";
  if (error !== undefined) throw new HttpError(401, error);
  return health();
}

/** Refuses with 413 as soon as the body is known to be over `limit`, from its Content-Length or while it streams. */
function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new HttpError(413, `Request body is larger than ${limit} bytes`);
  if (Number(request.headers["content-length"] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Stop buffering; the 413 response closes the connection, which discards the rest.
      request.off("data", onData);
      reject(tooLarge());
    };
    request.on("data", onData);
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new HttpError(400, "The body is not valid JSON");
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, "Malformed percent-encoding in the path");
  }
}

function respond(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  // A body refused unread (bad auth, too large) would have to be drained to reuse the connection: close it instead.
  const { req } = response;
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  if (hasBody && !req.readableEnded) response.setHeader("connection", "close");
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
