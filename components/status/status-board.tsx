"use client";

import { useQuery } from "@tanstack/react-query";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { BusinessTime, useBusinessClock } from "@/components/time/business-clock";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { TitledSection } from "@/components/ui/titled-section";
import { formatNumber } from "@/lib/i18n/format";
import { fetchEnvelope } from "@/lib/queries/fetch-envelope";
import type { Diagnostics } from "@/lib/status/get-diagnostics";

type ComponentHealth = Diagnostics["health"]["database"];

/** `facts` left out (false or undefined) are what the viewer may not see. */
function HealthCard({
  id,
  name,
  health,
  facts,
}: {
  id: string;
  name: string;
  health: ComponentHealth;
  facts: (string | number | false | undefined)[];
}) {
  const t = useT();
  return (
    <Card className="p-4" data-testid={`health-${id}`} data-status={health.status}>
      <div className="flex items-center justify-between">
        <span className="font-medium">{name}</span>
        <span className={health.status === "up" ? "text-emerald-600 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}>
          {health.status === "up" ? t("status.up") : t("status.down")}
        </span>
      </div>
      <p className="text-muted-foreground mt-2 text-sm">{facts.filter((fact) => fact !== false && fact !== undefined).join(" · ")}</p>
      {health.error ? <p className="mt-2 text-sm break-words text-red-600">{health.error}</p> : null}
    </Card>
  );
}

/** The diagnostics page's content, refreshed every few seconds. */
export function StatusBoard({ initial }: { initial: Diagnostics }) {
  const t = useT();
  const locale = useLocale();
  const { data = initial, dataUpdatedAt } = useQuery({
    queryKey: ["status"],
    queryFn: () => fetchEnvelope<Diagnostics>("/api/v1/status"),
    initialData: initial,
    refetchInterval: 5_000,
  });
  const { health, scheduler, ingestion, hubs } = data;
  const detail = (component: ComponentHealth, key: string) => {
    const value = component.details?.[key];
    return typeof value === "string" || typeof value === "number" ? value : undefined;
  };
  const { format: time } = useBusinessClock();

  return (
    <div className="space-y-8">
      <TitledSection title={t("status.health")}>
        <div className="grid gap-3 sm:grid-cols-3">
          <HealthCard
            id="app"
            name={t("status.app")}
            health={{ status: "up", latencyMs: 0 }}
            facts={[
              health.app.version && `v${health.app.version}`,
              health.app.uptimeSeconds !== undefined && t("status.uptime", { seconds: health.app.uptimeSeconds }),
              data.versions && `Node ${data.versions.node}`,
            ]}
          />
          <HealthCard
            id="database"
            name={t("status.database")}
            health={health.database}
            facts={[
              detail(health.database, "version") !== undefined && `PostgreSQL ${detail(health.database, "version")}`,
              detail(health.database, "migrations") !== undefined &&
                t("status.migrations", { count: Number(detail(health.database, "migrations")) }),
              t("status.latency", { ms: health.database.latencyMs }),
            ]}
          />
          <HealthCard
            id="realtime"
            name={t("status.realtime")}
            health={health.realtime}
            facts={[detail(health.realtime, "host"), t("status.latency", { ms: health.realtime.latencyMs })]}
          />
        </div>
      </TitledSection>

      <TitledSection title={t("status.scheduler")}>
        <DataTable
          testId="scheduler-table"
          rows={scheduler}
          rowKey={(row) => row.scope}
          columns={[
            { key: "scope", label: t("status.scope"), cell: (row) => row.scope, className: "font-medium" },
            { key: "version", label: t("status.version"), cell: (row) => row.version, className: "tabular-nums" },
            {
              key: "computedAt",
              label: t("status.lastRefresh"),
              cell: (row) => <BusinessTime value={row.computedAt} />,
              className: "tabular-nums",
            },
            {
              key: "duration",
              label: t("status.duration"),
              cell: (row) => t("status.latency", { ms: row.durationMs }),
              className: "tabular-nums",
            },
            {
              key: "state",
              label: t("status.state"),
              cell: (row) =>
                row.stale ? (
                  <span className="text-red-600">{t("status.staleWith", { error: row.lastError ?? "?" })}</span>
                ) : (
                  t("status.fresh")
                ),
            },
          ]}
        />
        <p className="text-muted-foreground text-sm" data-testid="ingestion-lag">
          {ingestion.lastSaleAt
            ? t("status.ingestion", { time: time(ingestion.lastSaleAt), seconds: formatNumber(ingestion.lagSeconds ?? 0, locale) })
            : t("status.noSales")}
        </p>
      </TitledSection>

      <TitledSection title={t("status.hubs")}>
        <DataTable
          testId="hubs-table"
          rows={hubs}
          rowKey={(hub) => hub.channel}
          rowData={() => ({ "data-testid": "hub-row" })}
          empty={t("status.noHubs")}
          columns={[
            { key: "channel", label: t("status.channel"), cell: (hub) => hub.channel, className: "font-mono text-sm" },
            { key: "subscribers", label: t("status.subscribers"), cell: (hub) => hub.subscribers, numeric: true },
          ]}
        />
      </TitledSection>
      {/* The browser's own check time: it is a few moments later than the server's render. */}
      <p className="text-muted-foreground text-xs" suppressHydrationWarning>
        {t("status.checkedAt", { time: time(dataUpdatedAt) })}
      </p>
    </div>
  );
}
