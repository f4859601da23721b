// The OpenAPI description of the REST API, served at /api/v1/openapi.json and
// rendered at /api/docs. Each feature describes its routes in lib/openapi/paths/<feature>.ts.
import { analyticsPaths } from "./paths/analytics";
import { explorerPaths } from "./paths/explorer";
import { invoicePaths } from "./paths/invoices";
import { notificationPaths } from "./paths/notifications";
import { pipelinePaths } from "./paths/pipeline";
import { errorResponse, json } from "./schema-helpers";

const componentHealth = {
  type: "object",
  properties: { status: { enum: ["up", "down"] }, latencyMs: { type: "integer" }, error: { type: "string" }, details: { type: "object" } },
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Pulseboard API",
    version: "1.0.0",
    description:
      "Every JSON response uses the envelope { data, error, metadata: { requestId } }; send x-request-id to correlate logs. " +
      "Browser callers use the session cookie; programmatic callers send Authorization: Bearer <api token>.",
  },
  servers: [{ url: "/" }],
  components: {
    securitySchemes: {
      session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      bearer: { type: "http", scheme: "bearer", description: "An API token issued on /admin/tokens" },
      cron: { type: "http", scheme: "bearer", description: "CRON_SECRET" },
    },
    schemas: {
      Error: {
        type: "object",
        required: ["code", "message"],
        properties: { code: { type: "string", examples: ["FORBIDDEN"] }, message: { type: "string" }, details: {} },
      },
      User: {
        type: "object",
        properties: {
          id: { type: "string" },
          email: { type: "string" },
          name: { type: "string" },
          role: { enum: ["ADMIN", "MANAGER", "ANALYST", "VIEWER"] },
          businessUnit: { type: ["string", "null"], description: "slug of the unit the user is scoped to" },
          locale: { type: "string" },
          active: { type: "boolean" },
          createdAt: { type: "string", format: "date-time" },
        },
      },
    },
  },
  paths: {
    "/api/health": {
      get: {
        summary: "Health of the app and its database",
        tags: ["platform"],
        responses: {
          "200": json("Everything is up", {
            type: "object",
            properties: { status: { const: "ok" }, app: componentHealth, database: componentHealth },
          }),
          "503": json("A dependency is down", { type: "object" }),
        },
      },
    },
    "/api/health/db": {
      get: {
        summary: "Database reachability and latency",
        tags: ["platform"],
        responses: { "200": json("Up", componentHealth), "503": json("Down", componentHealth) },
      },
    },
    ...invoicePaths,
    ...analyticsPaths,
    ...explorerPaths,
    ...notificationPaths,
    ...pipelinePaths,
    "/api/v1/kpis": {
      get: {
        summary: "The latest KPI snapshot of a scope",
        description: "Scoped users always get their own unit; asking for another scope is 403.",
        tags: ["kpis"],
        security: [{ session: [] }, { bearer: [] }],
        parameters: [
          { name: "scope", in: "query", required: false, description: "all (default) or a business-unit slug", schema: { type: "string" } },
        ],
        responses: {
          "200": json("Snapshot with version, computedAt, stale flag, last error and payload", { type: "object" }),
          "401": errorResponse("No session"),
          "403": errorResponse("Outside the caller's scope"),
          "422": errorResponse("Unknown business unit"),
        },
      },
    },
    "/api/v1/status": {
      get: {
        summary: "Diagnostics: health, KPI scheduler, ingestion lag, live hubs (ADMIN, MANAGER, ANALYST)",
        tags: ["platform"],
        security: [{ session: [] }, { bearer: [] }],
        responses: {
          "200": json("Diagnostics", { type: "object" }),
          "401": errorResponse("No session"),
          "403": errorResponse("Role not allowed"),
        },
      },
    },
    "/api/realtime/auth": {
      post: {
        summary: "Signs a private or presence channel subscription (pusher-js channelAuthorization endpoint)",
        description: "Form fields socket_id and channel_name. Answers Pusher's bare { auth, channel_data? } on success.",
        tags: ["realtime"],
        security: [{ session: [] }],
        responses: {
          "200": { description: "{ auth, channel_data? }" },
          "401": errorResponse("No session"),
          "403": errorResponse("Channel outside the user's role or scope"),
        },
      },
    },
    "/api/cron/refresh-kpis": {
      get: {
        summary: "Recomputes, stores and broadcasts every scope's KPI snapshot (Vercel Cron, local scheduler)",
        tags: ["cron"],
        security: [{ cron: [] }],
        responses: { "200": json("One outcome per scope", { type: "object" }), "401": errorResponse("Missing or wrong cron secret") },
      },
    },
    "/api/v1/users": {
      get: {
        summary: "Users and their roles (ADMIN)",
        tags: ["admin"],
        security: [{ session: [] }, { bearer: [] }],
        responses: {
          "200": json("The users, without password hashes", { type: "array", items: { $ref: "#/components/schemas/User" } }),
          "401": errorResponse("No session"),
          "403": errorResponse("Not an ADMIN"),
        },
      },
    },
  },
} as const;
