// Documented routes of the KPI snapshots.
import { z } from "zod";

import { kpiQuerySchema } from "../../kpis/schemas";
import { kpiSnapshotViewSchema, refreshOutcomeSchema } from "../../kpis/types";
import { defineRoute } from "../define-route";

export const kpiRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/kpis",
    summary: "The latest KPI snapshot of a scope",
    description: "Scoped users always get their own unit; asking for another scope is 403.",
    tags: ["kpis"],
    access: "dashboards.read",
    query: [kpiQuerySchema],
    response: { schema: kpiSnapshotViewSchema, description: "Snapshot with version, computedAt, stale flag, last error and payload" },
    errors: { 403: "Outside the caller's scope", 422: "Unknown business unit" },
  }),
  defineRoute({
    method: "get",
    path: "/api/cron/refresh-kpis",
    summary: "Recomputes, stores and broadcasts every scope's KPI snapshot",
    tags: ["cron"],
    access: "cron",
    response: { schema: z.object({ scopes: z.array(refreshOutcomeSchema) }), description: "One outcome per scope" },
  }),
];
