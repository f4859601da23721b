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
  app: z.object({ status: z.literal("up"), version: z.string().optional(), uptimeSeconds: z.number().int().optional() }),
  database: componentHealthSchema,
  realtime: componentHealthSchema,
});
export type HealthReport = z.infer<typeof healthReportSchema>;

/**
 * What anyone but an ADMIN sees of a health report: the statuses and latencies. Versions,
 * migration counts, hosts, ports and raw errors help an attacker more than a load balancer.
 */
export function redactHealth(report: HealthReport): HealthReport {
  const component = ({ status, latencyMs }: ComponentHealth): ComponentHealth => ({ status, latencyMs });
  return {
    status: report.status,
    app: { status: report.app.status },
    database: component(report.database),
    realtime: component(report.realtime),
  };
}
