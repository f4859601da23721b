// Turns route definitions into OpenAPI operations: schemas from zod, the envelope, the access rules from lib/permissions.ts.
import { z } from "zod";

import { rolesWith, type Capability } from "../permissions";
import type { ErrorBody } from "../server/http/envelope";
import type { ErrorStatus, RouteDefinition } from "./define-route";
import { jsonSchemaOf, parametersOf, type JsonSchema, type Parameter } from "./json-schema";

/** The `error` of every failed response, checked against ErrorBody so it documents nothing the error mapper cannot send. */
const errorBodySchema = z.object({
  code: z.string().meta({ examples: ["FORBIDDEN"] }),
  message: z.string(),
  details: z.unknown().optional(),
}) satisfies z.ZodType<ErrorBody>;

interface Response {
  description: string;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface Operation {
  summary: string;
  description: string;
  tags: string[];
  security?: Record<string, string[]>[];
  "x-capability"?: Capability;
  "x-roles"?: readonly string[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, Response>;
}

const metadata = { type: "object", required: ["requestId"], properties: { requestId: { type: "string" } } };

function envelope(data: JsonSchema, error: JsonSchema): JsonSchema {
  return { type: "object", required: ["data", "error", "metadata"], additionalProperties: false, properties: { data, error, metadata } };
}

/** The document's shared schemas: the error body, and the envelope every failure answers with. */
export const sharedSchemas = {
  Error: jsonSchemaOf(errorBodySchema, "output"),
  ErrorEnvelope: envelope({ type: "null" }, { $ref: "#/components/schemas/Error" }),
};

const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const failure = (description: string): Response => ({ description, content: json({ $ref: "#/components/schemas/ErrorEnvelope" }) });

interface Access {
  note: string;
  security?: Record<string, string[]>[];
  capability?: Capability;
  roles?: readonly string[];
  errors: Partial<Record<ErrorStatus, string>>;
}

function accessOf(route: RouteDefinition): Access {
  if (route.access === "public") return { note: "Public: no sign-in needed.", errors: {} };
  if (route.access === "cron") {
    return {
      note: "Called by the scheduler (local worker, Vercel Cron) with Authorization: Bearer $CRON_SECRET.",
      security: [{ cron: [] }],
      errors: { 401: "Missing or wrong cron secret" },
    };
  }
  const roles = rolesWith(route.access);
  return {
    note: `Roles: ${roles.join(", ")} (capability ${route.access}).`,
    security: [{ session: [] }, { bearer: [] }],
    capability: route.access,
    roles,
    errors: { 401: "Not signed in, or an invalid API token", 403: `A role other than ${roles.join(", ")}` },
  };
}

function responsesOf(route: RouteDefinition, implied: Partial<Record<ErrorStatus, string>>): Record<string, Response> {
  const { schema, description, status = 200, bare, csv, alsoFor = {} } = route.response;
  const data = jsonSchemaOf(schema, "output");
  const body = bare ? data : envelope(data, { type: "null" });
  const content: Response["content"] = { ...json(body), ...(csv ? { "text/csv": { schema: { type: "string" } } } : {}) };
  const responses: Record<string, Response> = { [status]: { description, content } };
  for (const [code, text] of Object.entries(alsoFor)) responses[code] = { description: text, content: json(body) };
  for (const [code, text] of Object.entries({ ...implied, ...route.errors })) responses[code] = failure(text);
  return responses;
}

export function toOperation(route: RouteDefinition): Operation {
  const access = accessOf(route);
  const parameters = [...parametersOf("path", route.params ? [route.params] : []), ...parametersOf("query", route.query ?? [])];
  const body = route.body;
  return {
    summary: route.summary,
    description: [route.description, access.note].filter(Boolean).join(" "),
    tags: route.tags,
    ...(access.security ? { security: access.security } : {}),
    ...(access.capability ? { "x-capability": access.capability, "x-roles": access.roles } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: body.required ?? true,
            content: { [body.type ?? "application/json"]: { schema: jsonSchemaOf(body.schema, "input") } },
          },
        }
      : {}),
    responses: responsesOf(route, access.errors),
  };
}

/** The document's `paths`: one path item per path, one operation per method. */
export function buildPaths(routes: readonly RouteDefinition[]): Record<string, Record<string, Operation>> {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    if (item[route.method]) throw new Error(`${route.method.toUpperCase()} ${route.path} is documented twice`);
    item[route.method] = toOperation(route);
  }
  return paths;
}
