// What the health checks report (client-safe, as /status renders it): the schemas document the API.
import { z } from "zod";

export const componentHealthSchema = z.object({
  status: z.enum(["up", "down"]),
  latencyMs: z.number().int(),
  error: z.string().optional().describe("Why the component is down"),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ComponentHealth = z.infer<typeof componentHealthSchema>;

export const healthReportSchema = z.object({
  status: z.enum(["ok", "degraded", "down"]).describe("down when the database is; degraded when only realtime is (clients poll)"),
  app: z.object({ status: z.literal("up"), version: z.string(), uptimeSeconds: z.number().int() }),
  database: componentHealthSchema,
  realtime: componentHealthSchema,
});
export type HealthReport = z.infer<typeof healthReportSchema>;
