// Environment, validated once (t3's createEnv pattern). Read settings from here,
// never from process.env elsewhere. A bad value stops the process with a clear message.
import { z } from "zod";

const LOCAL_SECRETS = {
  NEXTAUTH_SECRET: "pulseboard-local-nextauth-secret",
  CRON_SECRET: "pulseboard-cron-secret",
  PUSHER_SECRET: "pulseboard-secret",
} as const;

const port = z.coerce.number().int().min(1).max(65535);
const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  EMBEDDED_PG_PORT: port.default(54329),
  /** Where the embedded PostgreSQL keeps its files (tests use their own folder). */
  PULSEBOARD_DATA_DIR: z.string().min(1).default(".data"),
  /** Set by scripts/start.ts when it started the embedded PostgreSQL. */
  PULSEBOARD_EMBEDDED: flag.default(false),
  NEXTAUTH_SECRET: z.string().min(16).default(LOCAL_SECRETS.NEXTAUTH_SECRET),
  NEXTAUTH_URL: z.url().optional(),
  CRON_SECRET: z.string().min(12).default(LOCAL_SECRETS.CRON_SECRET),
  /** The demo accounts' password; unset, the public one locally and a generated one (printed once) elsewhere. */
  DEMO_PASSWORD: z.string().min(8).optional(),
  /** Seed the demo company into an empty database at start; unset, only in local or demo mode. */
  SEED_DEMO_DATA: flag.optional(),
  /** A demo deployment: the default secrets and demo seeding are allowed with an external database. */
  PULSEBOARD_DEMO: flag.default(false),
  /** Believe X-Forwarded-For and X-Forwarded-Proto (behind a proxy you run); unset, only on Vercel. */
  TRUST_PROXY: flag.optional(),
  /** Set by Vercel on its builds and functions. */
  VERCEL: z.string().optional(),
  CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, "a three-letter ISO 4217 code")
    .default("KES"),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Start the embedded realtime server when PUSHER_HOST is this machine (off: one runs separately). */
  EMBEDDED_REALTIME: flag.default(true),
  /** WebSocket connections the embedded realtime server accepts from one address (a tab holds one). */
  REALTIME_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  PUSHER_APP_ID: z.string().min(1).default("pulseboard"),
  PUSHER_KEY: z.string().min(1).default("pulseboard-key"),
  PUSHER_SECRET: z.string().min(1).default(LOCAL_SECRETS.PUSHER_SECRET),
  PUSHER_HOST: z.string().min(1).default("127.0.0.1"),
  PUSHER_PORT: port.default(6001),
  PUSHER_USE_TLS: flag.default(false),
  PUSHER_CLUSTER: z.string().default("mt1"),
  // What the browser uses to reach the realtime server; unset, the PUSHER_* values.
  // Read at request time (not inlined at build), so one build serves any host.
  NEXT_PUBLIC_PUSHER_KEY: z.string().min(1).optional(),
  NEXT_PUBLIC_PUSHER_HOST: z.string().min(1).optional(),
  NEXT_PUBLIC_PUSHER_PORT: port.optional(),
  NEXT_PUBLIC_PUSHER_USE_TLS: flag.optional(),
  NEXT_PUBLIC_PUSHER_CLUSTER: z.string().min(1).optional(),
  KPI_REFRESH_SECONDS: z.coerce.number().min(1).default(5),
  // Writers of sales refresh the KPIs themselves; `npm start`, which listens for the sales triggers, turns it off.
  KPI_REFRESH_ON_WRITE: flag.default(true),
  VAT_RATE: z.coerce.number().min(0).max(1).default(0.15),
  /** The most invoices one generator start may make (ratePerSecond × durationSeconds). */
  GENERATOR_MAX_INVOICES_PER_RUN: z.coerce.number().int().min(1).default(100_000),
  PIPELINE_MAX_UPLOAD_MB: z.coerce.number().int().min(1).default(200),
  // The folder "Run today's file" reads; unset, data/inbox, except on Vercel, where no folder persists.
  PIPELINE_INBOX_DIR: z.string().min(1).optional(),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default("Pulseboard <pulseboard@localhost>"),
  /** Internal hosts remote sources and webhooks may reach anyway: host names, IPs or CIDRs, comma-separated. */
  OUTBOUND_ALLOW_HOSTS: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

/** The public demo password, for local runs only. */
export const LOCAL_DEMO_PASSWORD = "pulseboard-demo";

/** Local mode: the embedded PostgreSQL (or nothing configured yet, so `npm start` embeds one). */
export const isLocalMode = (env: Env) => env.PULSEBOARD_EMBEDDED || env.DATABASE_URL === undefined;

/** Where the default secrets and demo accounts are acceptable: local mode, or a declared demo. */
export const allowsDemoDefaults = (env: Env) => isLocalMode(env) || env.PULSEBOARD_DEMO;

export const shouldSeedDemoData = (env: Env) => env.SEED_DEMO_DATA ?? allowsDemoDefaults(env);

export const trustsProxy = (env: Env) => env.TRUST_PROXY ?? env.VERCEL !== undefined;

/** The secrets still at their public defaults. */
/**
 * What the app learns its own URL from. next-auth marks its cookies Secure when that URL is https:
 * NEXTAUTH_URL when set; otherwise, for the embedded database, plain http://localhost, and on a
 * deployment the forwarded host and protocol (AUTH_TRUST_HOST), so https is never served insecure cookies.
 */
export function authUrlSettings(env: Env, embedded: boolean): Record<string, string> {
  if (env.NEXTAUTH_URL) return {};
  return embedded ? { NEXTAUTH_URL: `http://localhost:${env.PORT}` } : { AUTH_TRUST_HOST: "true" };
}

export function defaultSecretsIn(env: Env): (keyof typeof LOCAL_SECRETS)[] {
  return (Object.keys(LOCAL_SECRETS) as (keyof typeof LOCAL_SECRETS)[]).filter((key) => env[key] === LOCAL_SECRETS[key]);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings in .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  const env = result.data;
  // Any external database counts, loopback included: a tunnel or a container is not a developer's sandbox.
  const defaults = defaultSecretsIn(env);
  if (env.NODE_ENV === "production" && !allowsDemoDefaults(env) && defaults.length > 0) {
    throw new Error(`Refusing to start in production with default secrets: set ${defaults.join(", ")}`);
  }
  return env;
}

export const env: Env = parseEnv(process.env);
