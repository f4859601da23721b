"use client";

import type { ReactNode } from "react";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatNumber } from "@/lib/i18n/format";
import type { GeneratorStatusView } from "@/lib/invoices/types";
import { formatInstant } from "@/lib/time/format-instant";

import { GeneratorControls } from "./generator-controls";
import { GeneratorList } from "./generator-list";

function Figure({ id, label, value }: { id: string; label: string; value: number }) {
  const locale = useLocale();
  return (
    <div className="flex flex-col">
      <dt className="text-muted-foreground text-xs font-medium tracking-wide uppercase">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={id} data-value={value}>
        {formatNumber(value, locale)}
      </dd>
    </div>
  );
}

/**
 * The viewer's own generator (generating / idle) and what it produced, what the grid has shown and still
 * holds back, then the other generators the viewer may see.
 */
export function GeneratorPanel({
  status,
  shown,
  backlog,
  controls,
  timeZone,
}: {
  status: GeneratorStatusView;
  shown: number;
  backlog: number;
  /** Rendered for roles that may control the generator. */
  controls: { scope: string; unitName: string | null } | null;
  timeZone: string;
}) {
  const t = useT();
  const locale = useLocale();
  const running = status.state === "RUNNING";
  const time = (iso: string) => formatInstant(iso, locale, timeZone, "time");
  let detail: ReactNode = t("invoices.status.never");
  if (status.endsAt)
    detail = running
      ? t("invoices.status.endsAt", { time: time(status.endsAt) })
      : t("invoices.status.endedAt", { time: time(status.endsAt) });

  return (
    <Card className="flex flex-col gap-4 p-4 sm:p-5">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h2 className="text-base font-semibold">{t("invoices.status.label")}</h2>
        <Badge tone={running ? "success" : "neutral"} data-testid="generator-state" data-state={status.state}>
          {running ? <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-current" /> : null}
          {t(`invoices.status.${status.state}`)}
        </Badge>
        <span className="text-muted-foreground text-sm">
          {t("invoices.status.rate", {
            rate: formatNumber(status.ratePerSecond, locale),
            duration: formatNumber(status.durationSeconds, locale),
          })}
          {" · "}
          {detail}
          {status.businessUnit ? ` · ${t("invoices.status.forUnit", { unit: status.businessUnit })}` : null}
        </span>
      </div>
      <dl className="grid grid-cols-3 gap-3 sm:max-w-md">
        <Figure id="produced-count" label={t("invoices.status.produced")} value={status.produced} />
        <Figure id="shown-count" label={t("invoices.status.shown")} value={shown} />
        <Figure id="backlog-count" label={t("invoices.status.backlog")} value={backlog} />
      </dl>
      {controls ? (
        <GeneratorControls status={status} scope={controls.scope} unitName={controls.unitName} timeZone={timeZone} />
      ) : (
        <>
          <GeneratorList
            generators={status.generators.filter((generator) => generator.businessUnit !== status.businessUnit)}
            stoppable={new Set()}
            busy={null}
            onStop={() => {}}
            timeZone={timeZone}
          />
          <p className="text-muted-foreground text-sm">{t("invoices.controls.readOnly")}</p>
        </>
      )}
    </Card>
  );
}
