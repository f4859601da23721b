// The OpenAPI description of the REST API, served at /api/v1/openapi.json and rendered at /api/docs.
// Each feature lists its routes in lib/openapi/paths/<feature>.ts; every schema in it is generated
// from the zod schemas the route handlers parse and answer with, so the document cannot drift.
import { buildPaths, sharedSchemas } from "./operations";
import { analyticsRoutes } from "./paths/analytics";
import { auditRoutes } from "./paths/audit";
import { explorerRoutes } from "./paths/explorer";
import { invoiceRoutes } from "./paths/invoices";
import { kpiRoutes } from "./paths/kpis";
import { noticeRoutes } from "./paths/notices";
import { notificationRoutes } from "./paths/notifications";
import { pipelineRoutes } from "./paths/pipeline";
import { platformRoutes } from "./paths/platform";
import { shareRoutes } from "./paths/shares";
import { userRoutes } from "./paths/users";

/** Every documented route, in the order the reference lists them. */
const apiRoutes = [
  ...platformRoutes,
  ...userRoutes,
  ...invoiceRoutes,
  ...kpiRoutes,
  ...analyticsRoutes,
  ...explorerRoutes,
  ...pipelineRoutes,
  ...notificationRoutes,
  ...shareRoutes,
  ...auditRoutes,
  ...noticeRoutes,
];

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Pulseboard API",
    version: "1.0.0",
    description:
      "Every JSON response uses the envelope { data, error, metadata: { requestId } }; send x-request-id to correlate logs. " +
      "Browser callers use the session cookie; programmatic callers send Authorization: Bearer <api token>, created on /account " +
      "(API tokens) and acting as its owner, with the owner's role and business unit. " +
      "Each operation names the capability it needs (x-capability) and the roles that hold it.",
  },
  servers: [{ url: "/" }],
  components: {
    securitySchemes: {
      session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      bearer: { type: "http", scheme: "bearer", description: "An API token, created on /account (API tokens)" },
      cron: { type: "http", scheme: "bearer", description: "CRON_SECRET" },
    },
    schemas: sharedSchemas,
  },
  paths: buildPaths(apiRoutes),
};
