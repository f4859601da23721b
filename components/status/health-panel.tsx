"use client";

import { useQuery } from "@tanstack/react-query";

import { useT } from "@/components/i18n/i18n-provider";

export interface ComponentHealth {
  status: "up" | "down";
  latencyMs: number;
  error?: string;
  details?: Record<string, unknown>;
}

export interface HealthReport {
  status: "ok" | "degraded";
  app: { status: "up"; version: string; uptimeSeconds: number };
  database: ComponentHealth;
}

async function fetchHealth(): Promise<HealthReport> {
  const response = await fetch("/api/health", { cache: "no-store" });
  const body = (await response.json()) as { data: HealthReport };
  return body.data;
}

/** Live health of each component, refreshed every few seconds. */
export function HealthPanel({ initial }: { initial: HealthReport }) {
  const t = useT();
  const { data = initial, dataUpdatedAt } = useQuery({ queryKey: ["health"], queryFn: fetchHealth, initialData: initial, refetchInterval: 5_000 });
  const rows: { name: string; health: ComponentHealth; facts: string[] }[] = [
    { name: t("status.app"), health: { status: "up", latencyMs: 0 }, facts: [`v${data.app.version}`, t("status.uptime", { seconds: data.app.uptimeSeconds })] },
    {
      name: t("status.database"),
      health: data.database,
      facts: [
        `PostgreSQL ${typeof data.database.details?.version === "string" ? data.database.details.version : "?"}`,
        t("status.migrations", { count: Number(data.database.details?.migrations ?? 0) }),
        t("status.latency", { ms: data.database.latencyMs }),
      ],
    },
  ];
  return (
    <section aria-labelledby="health-title" className="space-y-3">
      <h2 id="health-title" className="text-lg font-semibold">
        {t("status.health")}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {rows.map(({ name, health, facts }) => (
          <li key={name} className="rounded-lg border border-[var(--border)] bg-[var(--card)] p-4" data-testid={`health-${name}`}>
            <div className="flex items-center justify-between">
              <span className="font-medium">{name}</span>
              <span className={health.status === "up" ? "text-emerald-600 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}>
                {health.status === "up" ? t("status.up") : t("status.down")}
              </span>
            </div>
            <p className="mt-2 text-sm text-[var(--muted-foreground)]">{facts.join(" · ")}</p>
            {health.error ? <p className="mt-2 text-sm text-red-600">{health.error}</p> : null}
          </li>
        ))}
      </ul>
      <p className="text-xs text-[var(--muted-foreground)]">{t("status.checkedAt", { time: new Date(dataUpdatedAt).toLocaleTimeString() })}</p>
    </section>
  );
}
