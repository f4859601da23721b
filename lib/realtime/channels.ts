// The app's channels and who may subscribe to them. Shared by the
// authorization route, the publishers and the browser hooks.
import { can, type Role } from "../permissions";

export const CHANNELS = {
  kpis: "private-kpis",
  kpisOfUnit: (slug: string) => `private-kpis-bu-${slug}`,
  invoices: "private-invoices",
  invoicesOfUnit: (slug: string) => `private-invoices-bu-${slug}`,
  pipeline: "private-pipeline",
  pipelineRun: (runId: number) => `private-pipeline-run-${runId}`,
  viewers: "presence-viewers",
} as const;

/** The KPI or invoice channel a user listens to: their unit's, or the all-units one. */
export function scopedChannel(stream: "kpis" | "invoices", unitSlug: string | null): string {
  if (!unitSlug) return CHANNELS[stream];
  return stream === "kpis" ? CHANNELS.kpisOfUnit(unitSlug) : CHANNELS.invoicesOfUnit(unitSlug);
}

export interface Subscriber {
  role: Role;
  /** null when the user sees every business unit. */
  businessUnitSlug: string | null;
}

const UNIT_CHANNEL = /^private-(kpis|invoices)-bu-([a-z0-9-]+)$/;
const RUN_CHANNEL = /^private-pipeline-run-\d+$/;

/**
 * Whether `user` may subscribe to `channel`. A user scoped to a unit gets only
 * that unit's channels: never the all-units ones, never another unit's.
 */
export function canSubscribe(user: Subscriber, channel: string, knownUnitSlugs: readonly string[]): boolean {
  if (channel === CHANNELS.viewers) return true;
  if (channel === CHANNELS.kpis || channel === CHANNELS.invoices) return user.businessUnitSlug === null;
  const unit = UNIT_CHANNEL.exec(channel);
  if (unit) {
    const slug = unit[2]!;
    return knownUnitSlugs.includes(slug) && (user.businessUnitSlug === null || user.businessUnitSlug === slug);
  }
  if (channel === CHANNELS.pipeline || RUN_CHANNEL.test(channel)) return can(user.role, "pipeline.read");
  return false;
}
