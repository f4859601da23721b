// The app's channels and who may subscribe to them. Shared by the authorization route,
// the publishers and the browser hooks. Every stream has an all-units channel (for users
// who see every unit) and one channel per unit, so a scoped user's socket never carries
// another unit's rows, runs or viewers.
import { can, type Capability, type Role } from "../permissions";

export type Stream = "kpis" | "invoices" | "pipeline" | "viewers";

export const CHANNELS = {
  kpis: "private-kpis",
  invoices: "private-invoices",
  pipeline: "private-pipeline",
  viewers: "presence-viewers",
  ofUnit: (stream: Stream, slug: string) => `${CHANNELS[stream]}-bu-${slug}`,
  pipelineRun: (runId: number) => `private-pipeline-run-${runId}`,
  /** One share link's own channel (its revocation); signed only for that link's viewers, never for users. */
  share: (linkId: string) => `private-share-${linkId}`,
  /** One user's own channel: their in-app notices. */
  user: (userId: string) => `private-user-${userId}`,
} as const;

const STREAM_CAPABILITY: Record<Stream, Capability> = {
  kpis: "dashboards.read",
  invoices: "dashboards.read",
  pipeline: "pipeline.read",
  viewers: "dashboards.read",
};

/** The channel of a stream a user listens to: their unit's, or the all-units one. */
export function scopedChannel(stream: Stream, unitSlug: string | null): string {
  return unitSlug ? CHANNELS.ofUnit(stream, unitSlug) : CHANNELS[stream];
}

/** Where news of a run goes: the all-units list, its unit's list (if it has a unit) and its own channel. */
export function runChannels(runId: number, unitSlug: string | null): string[] {
  return [CHANNELS.pipeline, ...(unitSlug ? [CHANNELS.ofUnit("pipeline", unitSlug)] : []), CHANNELS.pipelineRun(runId)];
}

export interface Subscriber {
  /** The user's id: only that user may subscribe to its own `private-user-{id}` channel. */
  id?: string;
  role: Role;
  /** null when the user sees every business unit. */
  businessUnitSlug: string | null;
}

export interface ChannelFacts {
  unitSlugs: readonly string[];
  /** For a run channel: the run's unit slug, null for a run of every unit, undefined when there is no such run. */
  runUnitSlug?: string | null;
}

const UNIT_CHANNEL = /^(?:private|presence)-(kpis|invoices|pipeline|viewers)-bu-([a-z0-9-]+)$/;
const RUN_CHANNEL = /^private-pipeline-run-(\d+)$/;

/** The run id of a run channel, or null for any other channel. */
export function runIdOfChannel(channel: string): number | null {
  const match = RUN_CHANNEL.exec(channel);
  return match ? Number(match[1]) : null;
}

const streamOf = (channel: string) => (Object.keys(STREAM_CAPABILITY) as Stream[]).find((stream) => CHANNELS[stream] === channel);
const inScope = (user: Subscriber, slug: string | null) => user.businessUnitSlug === null || user.businessUnitSlug === slug;

/**
 * Whether `user` may subscribe to `channel`: the stream's capability, and the scope. A user scoped
 * to a unit gets only that unit's channels and the runs of that unit: never the all-units ones.
 */
export function canSubscribe(user: Subscriber, channel: string, facts: ChannelFacts): boolean {
  const all = streamOf(channel);
  if (all) return can(user.role, STREAM_CAPABILITY[all]) && user.businessUnitSlug === null;
  const unit = UNIT_CHANNEL.exec(channel);
  if (unit) {
    const [, stream, slug] = unit as unknown as [string, Stream, string];
    return (
      channel === CHANNELS.ofUnit(stream, slug) &&
      can(user.role, STREAM_CAPABILITY[stream]) &&
      facts.unitSlugs.includes(slug) &&
      inScope(user, slug)
    );
  }
  if (channel.startsWith("private-user-")) return user.id !== undefined && channel === CHANNELS.user(user.id);
  if (runIdOfChannel(channel) !== null) {
    return can(user.role, "pipeline.read") && facts.runUnitSlug !== undefined && inScope(user, facts.runUnitSlug);
  }
  return false;
}
