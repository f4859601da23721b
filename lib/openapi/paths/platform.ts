// Documented routes of the platform: health, diagnostics, the UI language, realtime sign-in and this document.
import { z } from "zod";

import { componentHealthSchema, healthReportSchema } from "../../health/types";
import { localeSchema } from "../../i18n/locale-schema";
import { subscriptionRequestSchema } from "../../realtime/authorize-subscription";
import { diagnosticsSchema } from "../../status/types";
import { defineRoute } from "../define-route";

/** Enough of an OpenAPI document to recognize one; the rest is this document itself. */
const openApiDocumentSchema = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

export const platformRoutes = [
  defineRoute({
    method: "get",
    path: "/api/health",
    summary: "Health of the app and its database",
    description: "For load balancers and /status.",
    tags: ["platform"],
    access: "public",
    response: { schema: healthReportSchema, description: "Everything is up", alsoFor: { 503: "The database is down" } },
  }),
  defineRoute({
    method: "get",
    path: "/api/health/db",
    summary: "Database reachability and latency",
    tags: ["platform"],
    access: "public",
    response: { schema: componentHealthSchema, description: "Up", alsoFor: { 503: "Down" } },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/status",
    summary: "Diagnostics: health, KPI scheduler, ingestion lag, live hubs",
    tags: ["platform"],
    access: "status.read",
    response: { schema: diagnosticsSchema, description: "Diagnostics" },
  }),
  defineRoute({
    method: "put",
    path: "/api/v1/locale",
    summary: "Set the caller's UI language",
    description: "Kept in a cookie and, for a signed-in user, on the account; open before sign-in, as the login page has a switcher.",
    tags: ["platform"],
    access: "public",
    body: { schema: localeSchema },
    response: { schema: localeSchema, description: "The language now in use" },
    errors: { 422: "Not a language the UI speaks" },
  }),
  defineRoute({
    method: "post",
    path: "/api/realtime/auth",
    summary: "Signs a private or presence channel subscription (pusher-js channelAuthorization endpoint)",
    description: "Answers Pusher's bare { auth, channel_data? } on success; failures use the envelope.",
    tags: ["realtime"],
    access: "dashboards.read",
    body: { schema: subscriptionRequestSchema, type: "application/x-www-form-urlencoded" },
    response: {
      schema: z.object({ auth: z.string(), channel_data: z.string().optional() }),
      description: "The subscription's signature",
      bare: true,
    },
    errors: { 403: "Channel outside the user's role or scope", 422: "No socket_id or channel_name" },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This OpenAPI document",
    tags: ["platform"],
    access: "public",
    response: { schema: openApiDocumentSchema, description: "The OpenAPI 3.1 document, bare", bare: true },
  }),
];
