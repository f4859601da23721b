"use client";

import { Download } from "lucide-react";
import { useState, type ReactNode } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils/cn";

export interface ChartCardProps {
  id: string;
  title: string;
  /** One or two sentences saying what the chart shows, for screen readers and as a caption. */
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  /** Set only for roles that may export; the CSV route checks again. */
  csvHref?: string;
  className?: string;
}

/** A chart with its table view, accessible summary and optional CSV download. */
export function ChartCard({ id, title, summary, chart, table, csvHref, className }: ChartCardProps) {
  const t = useT();
  const [mode, setMode] = useState<"chart" | "table">("chart");
  const toggle = (value: "chart" | "table", label: string) => (
    <button
      type="button"
      aria-pressed={mode === value}
      onClick={() => setMode(value)}
      className={cn("rounded-md px-2 py-1 text-sm", mode === value ? "bg-muted font-medium" : "text-muted-foreground")}
    >
      {label}
    </button>
  );
  return (
    <Card data-testid={`block-${id}`} className={cn("min-w-0", className)}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <CardTitle>{title}</CardTitle>
          <p className="text-muted-foreground text-sm" data-testid={`summary-${id}`}>
            {summary}
          </p>
        </div>
        <div className="flex items-center gap-1">
          {toggle("chart", t("analytics.chart.showChart"))}
          {toggle("table", t("analytics.chart.showTable"))}
          {csvHref ? (
            <a href={csvHref} download className={buttonClassName({ variant: "outline", size: "sm" })} data-testid={`csv-${id}`}>
              <Download aria-hidden className="size-4" />
              <span className="sr-only sm:not-sr-only">{t("analytics.chart.download")}</span>
            </a>
          ) : null}
        </div>
      </CardHeader>
      <CardContent>
        {mode === "chart" ? (
          <div aria-hidden className="w-full min-w-0">
            {chart}
          </div>
        ) : (
          table
        )}
      </CardContent>
    </Card>
  );
}
