// Calls route handlers as Next would, as a given signed-in user: a JSON body, headers, a query and
// path params; answers the status and the envelope's parts. The calling test file mocks
// lib/server/auth/current-user with `currentUserMock()` (and lib/server/db), so the session is
// whoever `call` names.
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";

import { NextRequest } from "next/server";

// Params typed `never` so a handler of any params shape fits; the test supplies matching ones.
export type RouteHandler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response>;

export interface RouteCall {
  body?: unknown;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  query?: Record<string, string>;
}

export interface RouteAnswer<T = unknown> {
  status: number;
  data: T;
  error: { code: string; message: string } | null;
}

const sessionUserId = new AsyncLocalStorage<string>();

/** The mocked current-user module: the session of the user the running `call` names, read fresh. */
export async function currentUserMock() {
  const { loadSessionUser } = await import("../../lib/server/auth/session-user");
  return {
    getCurrentUser: () => {
      const id = sessionUserId.getStore();
      return id ? loadSessionUser(id) : Promise.resolve(null);
    },
  };
}

export async function callRoute<T = unknown>(
  handler: RouteHandler,
  method: string,
  path: string,
  call: RouteCall = {},
): Promise<RouteAnswer<T>> {
  const url = new URL(path, "http://localhost");
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
  const headers = { ...(call.body === undefined ? {} : { "content-type": "application/json" }), ...call.headers };
  const init = { method, headers, ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }) };
  const response = await handler(new NextRequest(url, init), { params: Promise.resolve(call.params ?? {}) as Promise<never> });
  const json = (await response.json()) as { data: T; error: RouteAnswer["error"] };
  return { status: response.status, data: json.data, error: json.error };
}

/** The handler of "METHOD /path/{param}", from its file under app/ (app/path/[param]/route.ts). */
async function loadHandler(method: string, template: string): Promise<RouteHandler> {
  const file = path.resolve("app", `.${template.replace(/\{(\w+)\}/g, "[$1]")}`, "route.ts");
  const handler = ((await import(file)) as Partial<Record<string, RouteHandler>>)[method];
  if (!handler) throw new Error(`no ${method} handler in ${file}`);
  return handler;
}

/**
 * `call(userId, "METHOD /path/{id}", options)`: calls that route's handler as the signed-in
 * `userId` (null: anonymous), with `{id}` filled from `options.params`.
 */
export async function call<T = unknown>(as: string | null, route: string, options: RouteCall = {}): Promise<RouteAnswer<T>> {
  const [method, template] = route.split(" ") as [string, string];
  const handler = await loadHandler(method, template);
  const run = () =>
    callRoute<T>(
      handler,
      method,
      template.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? ""),
      options,
    );
  return as ? sessionUserId.run(as, run) : run();
}
