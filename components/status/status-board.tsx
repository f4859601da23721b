"use client";

import { useQuery } from "@tanstack/react-query";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { fetchEnvelope } from "@/lib/queries/fetch-envelope";
import type { Diagnostics } from "@/lib/status/get-diagnostics";
import { cn } from "@/lib/utils/cn";

type ComponentHealth = Diagnostics["health"]["database"];

function HealthCard({ id, name, health, facts }: { id: string; name: string; health: ComponentHealth; facts: string[] }) {
  const t = useT();
  return (
    <Card className="p-4" data-testid={`health-${id}`} data-status={health.status}>
      <div className="flex items-center justify-between">
        <span className="font-medium">{name}</span>
        <span className={health.status === "up" ? "text-emerald-600 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}>
          {health.status === "up" ? t("status.up") : t("status.down")}
        </span>
      </div>
      <p className="text-muted-foreground mt-2 text-sm">{facts.join(" · ")}</p>
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
    return typeof value === "string" || typeof value === "number" ? value : "?";
  };
  const time = (iso: string) => formatDateTime(iso, locale, { dateStyle: "short", timeStyle: "medium" });

  return (
    <div className="space-y-8">
      <section aria-labelledby="health-title" className="space-y-3">
        <h2 id="health-title" className="text-lg font-semibold">
          {t("status.health")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-3">
          <HealthCard
            id="app"
            name={t("status.app")}
            health={{ status: "up", latencyMs: 0 }}
            facts={[`v${health.app.version}`, t("status.uptime", { seconds: health.app.uptimeSeconds }), `Node ${data.versions.node}`]}
          />
          <HealthCard
            id="database"
            name={t("status.database")}
            health={health.database}
            facts={[
              `PostgreSQL ${detail(health.database, "version")}`,
              t("status.migrations", { count: Number(detail(health.database, "migrations")) }),
              t("status.latency", { ms: health.database.latencyMs }),
            ]}
          />
          <HealthCard
            id="realtime"
            name={t("status.realtime")}
            health={health.realtime}
            facts={[String(detail(health.realtime, "host")), t("status.latency", { ms: health.realtime.latencyMs })]}
          />
        </div>
      </section>

      <section aria-labelledby="scheduler-title" className="space-y-3">
        <h2 id="scheduler-title" className="text-lg font-semibold">
          {t("status.scheduler")}
        </h2>
        <Card className="overflow-x-auto">
          <Table data-testid="scheduler-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("status.scope")}</TableHead>
                <TableHead>{t("status.version")}</TableHead>
                <TableHead>{t("status.lastRefresh")}</TableHead>
                <TableHead>{t("status.duration")}</TableHead>
                <TableHead>{t("status.state")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {scheduler.map((row) => (
                <TableRow key={row.scope}>
                  <TableCell className="font-medium">{row.scope}</TableCell>
                  <TableCell className="tabular-nums">{row.version}</TableCell>
                  <TableCell className="tabular-nums">{time(row.computedAt)}</TableCell>
                  <TableCell className="tabular-nums">{t("status.latency", { ms: row.durationMs })}</TableCell>
                  <TableCell className={cn(row.stale && "text-red-600")}>
                    {row.stale ? t("status.staleWith", { error: row.lastError ?? "?" }) : t("status.fresh")}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
        <p className="text-muted-foreground text-sm" data-testid="ingestion-lag">
          {ingestion.lastSaleAt
            ? t("status.ingestion", { time: time(ingestion.lastSaleAt), seconds: formatNumber(ingestion.lagSeconds ?? 0, locale) })
            : t("status.noSales")}
        </p>
      </section>

      <section aria-labelledby="hubs-title" className="space-y-3">
        <h2 id="hubs-title" className="text-lg font-semibold">
          {t("status.hubs")}
        </h2>
        <Card className="overflow-x-auto">
          <Table data-testid="hubs-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("status.channel")}</TableHead>
                <TableHead className="text-right">{t("status.subscribers")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {hubs.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={2} className="text-muted-foreground">
                    {t("status.noHubs")}
                  </TableCell>
                </TableRow>
              ) : (
                hubs.map((hub) => (
                  <TableRow key={hub.channel} data-testid="hub-row">
                    <TableCell className="font-mono text-sm">{hub.channel}</TableCell>
                    <TableCell className="text-right tabular-nums">{hub.subscribers}</TableCell>
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        </Card>
      </section>
      <p className="text-muted-foreground text-xs">{t("status.checkedAt", { time: time(new Date(dataUpdatedAt).toISOString()) })}</p>
    </div>
  );
}
