// The OpenAPI document against the real API: every documented GET answers what its 200 schema says, every
// documented operation has a route handler with that method and access, and every /api/v1 handler is documented.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import addFormats from "ajv-formats";
import { Ajv2020 } from "ajv/dist/2020";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

import type { SessionUser } from "../lib/server/auth/session-user";
import { seedApiFixtures, type ApiFixtures } from "./helpers/api-fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

vi.hoisted(() => {
  // Realtime publishes and hub listings fail at once here, rather than reach a dev server on the default port.
  process.env.PUSHER_PORT = "9";
});

let database: TestDatabase;
let signedIn: SessionUser | null = null;

vi.mock("../lib/server/db", () => ({
  get db() {
    return database.db;
  },
}));
// The session cookie, as the gates read it: whoever the suite signed in.
vi.mock("../lib/server/auth/current-user", () => ({ getCurrentUser: () => Promise.resolve(signedIn) }));

const { openApiDocument } = await import("../lib/openapi/document");
const { env } = await import("../lib/server/env");
const { loadSessionUser } = await import("../lib/server/auth/session-user");

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Operation = (typeof openApiDocument.paths)[string][string];
type Body = { data?: unknown; metadata?: unknown } & Record<string, unknown>;

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const operations = Object.entries(openApiDocument.paths).flatMap(([route, item]) =>
  Object.entries(item).map(([method, operation]) => ({ route, method: method.toUpperCase(), operation })),
);

const routeFile = (route: string) => path.join("app", route.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
const loadRoute = async (file: string) => (await import(path.resolve(file))) as Partial<Record<string, Handler>>;

/** What the handler's wrapper demands: the capability given to withSession, the cron secret, or no session (a share link's token at most). */
function accessInSource(source: string, method: string): string | undefined {
  const match = new RegExp(`export const ${method} = (withSession|withCron|withRequest|withShareLink)?(?:<[^>]*>)?\\((?:"([^"]+)")?`).exec(
    source,
  );
  if (!match) return undefined;
  return match[1] === "withSession" ? match[2] : match[1] === "withCron" ? "cron" : "public";
}

const isCron = (operation: Operation) => JSON.stringify(operation.security ?? []).includes('"cron"');
const documentedAccess = (operation: Operation) => operation["x-capability"] ?? (isCron(operation) ? "cron" : "public");

describe("the OpenAPI document", () => {
  it("documents only route handlers that exist, with the method and access they have", async () => {
    expect(operations.length).toBeGreaterThan(30);
    for (const { route, method, operation } of operations) {
      const file = routeFile(route);
      expect(existsSync(file), `${method} ${route}: ${file}`).toBe(true);
      expect(typeof (await loadRoute(file))[method], `${method} ${route}`).toBe("function");
      expect(accessInSource(readFileSync(file, "utf8"), method), `${method} ${route}`).toBe(documentedAccess(operation));
    }
  });

  it("documents every method of every /api/v1 route handler", async () => {
    const files = readdirSync("app/api/v1", { recursive: true, encoding: "utf8" }).filter((file) => path.basename(file) === "route.ts");
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const route = `/api/v1/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
      const handlers = await loadRoute(path.join("app/api/v1", file));
      for (const method of METHODS.filter((name) => typeof handlers[name] === "function")) {
        expect(openApiDocument.paths[route]?.[method.toLowerCase()], `${method} ${route} is not documented`).toBeDefined();
      }
    }
  });
});

describe("every documented GET, called as a signed-in ADMIN", () => {
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  let fixtures: ApiFixtures;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Remote-source polls open their own connection from this setting.
    env.DATABASE_URL = database.url;
    fixtures = await seedApiFixtures(database);
    signedIn = await loadSessionUser(fixtures.adminId);
    expect(signedIn?.role).toBe("ADMIN");
  });

  /** Ids the seeded data has, for path parameters that name one thing. */
  const ids: Record<string, () => number> = {
    "/api/v1/pipeline/runs/{id}": () => fixtures.runId,
    "/api/v1/pipeline/runs/{id}/logs": () => fixtures.runId,
  };

  /** Every way to fill the path's parameters: each value of an enum, the seeded id otherwise. */
  function calls(route: string, operation: Operation): Record<string, string>[] {
    let variants: Record<string, string>[] = [{}];
    for (const parameter of operation.parameters?.filter((entry) => entry.in === "path") ?? []) {
      const values = (parameter.schema.enum as string[] | undefined) ?? [String(ids[route]?.() ?? "no seeded id")];
      variants = variants.flatMap((variant) => values.map((value) => ({ ...variant, [parameter.name]: value })));
    }
    return variants;
  }

  /** The body with its data's first object changed, to prove the schema notices. */
  function withFirstObject(body: Body, change: (object: Record<string, unknown>) => Record<string, unknown>): Body | undefined {
    const data = body.data;
    const first = Array.isArray(data) ? data[0] : data;
    if (typeof first !== "object" || first === null || Array.isArray(first)) return undefined;
    const changed = change(first as Record<string, unknown>);
    return { ...body, data: Array.isArray(data) ? [changed, ...data.slice(1)] : changed };
  }

  for (const { route, operation } of operations.filter((entry) => entry.method === "GET")) {
    it(`GET ${route} answers what its 200 response documents`, async () => {
      const handler = (await loadRoute(routeFile(route))).GET!;
      const schema = operation.responses["200"]?.content?.["application/json"]?.schema;
      expect(schema, "a JSON 200 response").toBeDefined();
      const validate = ajv.compile(schema!);
      for (const params of calls(route, operation)) {
        const url = new URL(
          route.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!),
          "http://localhost",
        );
        const headers: Record<string, string> | undefined = isCron(operation)
          ? { authorization: `Bearer ${env.CRON_SECRET}` }
          : route.startsWith("/api/share/")
            ? { "x-share-token": fixtures.shareToken }
            : undefined;
        const response = await handler(new NextRequest(url, { headers }), { params: Promise.resolve(params) });
        const body = (await response.json()) as Body;
        expect(response.status, `${url.pathname}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
        expect(validate(body), `${url.pathname}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        if (!("metadata" in body)) continue;
        expect(body.data, `${url.pathname} answers with seeded data`).not.toEqual([]);
        const extra = withFirstObject(body, (object) => ({ ...object, undocumented: 1 }));
        const missing = withFirstObject(body, (object) => Object.fromEntries(Object.entries(object).slice(1)));
        if (extra) expect(validate(extra), `${url.pathname}: an undocumented field fails`).toBe(false);
        if (missing) expect(validate(missing), `${url.pathname}: a missing field fails`).toBe(false);
      }
    });
  }
});
