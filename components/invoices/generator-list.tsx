"use client";

import { Square } from "lucide-react";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/i18n/format";
import type { GeneratorView } from "@/lib/invoices/types";
import { formatInstant } from "@/lib/time/format-instant";

/** The key a control names a generator by: its unit's slug, or "all" for the all-units generator. */
export const generatorKey = (generator: Pick<GeneratorView, "businessUnit">) => generator.businessUnit ?? "all";

interface GeneratorListProps {
  /** The generators besides the one shown on top. */
  generators: readonly GeneratorView[];
  /** Keys of the generators the viewer may stop; empty for viewers without controls. */
  stoppable: ReadonlySet<string>;
  /** The key a pending Stop is stopping ("" while another control is pending); null when none is. */
  busy: string | null;
  onStop: (key: string) => void;
  timeZone: string;
}

/** The other generators the viewer may see, each with its state and count, and Stop where the viewer controls it. */
export function GeneratorList({ generators, stoppable, busy, onStop, timeZone }: GeneratorListProps) {
  const t = useT();
  const locale = useLocale();
  if (generators.length === 0) return null;
  return (
    <ul className="divide-border divide-y text-sm" data-testid="generator-list">
      {generators.map((generator) => {
        const key = generatorKey(generator);
        const running = generator.state === "RUNNING";
        const time = generator.endsAt ? formatInstant(generator.endsAt, locale, timeZone, "time") : null;
        return (
          <li key={key} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-testid={`generator-${key}`}>
            <span className="font-medium">
              {generator.businessUnit ? t("invoices.scope.unit", { unit: generator.businessUnit }) : t("invoices.scope.all")}
            </span>
            <Badge tone={running ? "success" : "neutral"} data-testid={`generator-state-${key}`} data-state={generator.state}>
              {t(`invoices.status.${generator.state}`)}
            </Badge>
            <span className="text-muted-foreground">
              {generator.ratePerSecond === null
                ? null
                : `${t("invoices.status.rate", {
                    rate: formatNumber(generator.ratePerSecond, locale),
                    duration: formatNumber(generator.durationSeconds, locale),
                  })} · `}
              {time ? t(running ? "invoices.status.endsAt" : "invoices.status.endedAt", { time }) : t("invoices.status.never")}
              {" · "}
              {t("invoices.status.produced")}{" "}
              <span className="tabular-nums" data-testid={`generator-produced-${key}`} data-value={generator.produced}>
                {formatNumber(generator.produced, locale)}
              </span>
            </span>
            {stoppable.has(key) ? (
              <Button
                size="sm"
                variant="outline"
                className="ml-auto"
                disabled={!running || busy !== null}
                onClick={() => onStop(key)}
                data-testid={`stop-generator-${key}`}
              >
                <Square aria-hidden />
                {busy === key ? t("invoices.controls.stopping") : t("invoices.controls.stop")}
              </Button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
