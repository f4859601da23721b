// HTTP side: health checks and Pusher's signed REST API under /apps/{id}.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

import { z } from "zod";

import type { AppState } from "./app-state";
import { findSignatureError } from "./http-auth";
import { getChannel, getChannelUsers, listChannels } from "./http-channels";
import { HttpError } from "./http-error";
import { publishBatch, publishEvent } from "./http-events";
import { ErrorCode } from "./protocol";
import type { ServerContext } from "./server-context";

/** Bodies are buffered whole, so they are capped; a full batch of 10 KB events fits easily. */
const MAX_BODY_BYTES = 1_048_576;

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
  handle(request: ApiRequest): unknown;
}

const routes: Route[] = [
  { method: "POST", pattern: /^\/events$/, handle: ({ ctx, app, body }) => publishEvent(ctx, app, body) },
  { method: "POST", pattern: /^\/batch_events$/, handle: ({ ctx, app, body }) => publishBatch(ctx, app, body) },
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

/** `health` feeds `GET /` and `GET /health`, which need no signature. */
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
  const path = rawUrl.split("?")[0] ?? "/";
  const method = request.method ?? "GET";
  if (method === "GET" && (path === "/" || path === "/health")) return respond(response, 200, health());
  const [, appId = "", rest = ""] = /^\/apps\/([^/]+)(\/.*)$/.exec(path) ?? [];
  const app = ctx.appsById.get(decode(appId));
  if (!app) throw new HttpError(404, appId ? `Unknown app '${decode(appId)}'` : "Not found");
  const route = routes.find((candidate) => candidate.pattern.test(rest));
  if (!route) throw new HttpError(404, "Not found");
  if (route.method !== method) throw new HttpError(405, `Use ${route.method}`);
  const body = method === "POST" ? await readBody(request) : "";
  const query = new URL(rawUrl, "http://localhost").searchParams;
  const signatureError = findSignatureError(app.config, { method, path, query, body });
  if (signatureError) throw new HttpError(401, signatureError);
  const params = (route.pattern.exec(rest) ?? []).slice(1).map(decode);
  respond(response, 200, route.handle({ ctx, app, params, query, body: body === "" ? {} : parseJson(body) }));
}

function readBody(request: IncomingMessage): Promise<string> {
  if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else reject(tooLarge());
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

const tooLarge = () => new HttpError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`);

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
  // After a refused body the rest of it is never read, so the connection cannot be reused.
  if (status === 413) response.setHeader("connection", "close");
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
