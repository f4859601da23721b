"use client";

import dynamic from "next/dynamic";

import { useT } from "@/components/i18n/i18n-provider";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormatters } from "@/components/ui/use-formatters";
import type { KpiSnapshotPayload } from "@/lib/kpis/types";

import { DONUT_COLOURS } from "./donut-colours";

// recharts stays out of the first load: the charts arrive after the numbers.
const chartFallback = () => <Skeleton className="size-full" />;
const HourlyTrendChart = dynamic(() => import("./hourly-trend-chart"), { ssr: false, loading: chartFallback });
const CategoryDonutChart = dynamic(() => import("./category-donut-chart"), { ssr: false, loading: chartFallback });

// Display-only totals: floats are exact enough at this precision.
const sum = (values: string[]) => String(values.reduce((total, value) => total + Number(value), 0));

/** Hourly revenue today vs yesterday, and the month's category donut, each with accessible text. */
export function OverviewCharts({ payload }: { payload: KpiSnapshotPayload }) {
  const t = useT();
  const format = useFormatters(payload.currency);
  const money = (value: number) => format.money(String(value));
  const hourly = payload.hourly.map((slot) => ({ hour: slot.hour, today: Number(slot.today), yesterday: Number(slot.yesterday) }));
  const total = sum(payload.categories.map((category) => category.revenue));
  return (
    <>
      <Card data-testid="hourly-trend" className="lg:col-span-2">
        <CardHeader>
          <CardTitle>{t("analytics.overview.hourly")}</CardTitle>
          <p className="text-muted-foreground text-sm" data-testid="hourly-summary">
            {t("analytics.overview.hourlySummary", {
              today: format.money(sum(payload.hourly.map((slot) => slot.today))),
              yesterday: format.money(sum(payload.hourly.map((slot) => slot.yesterday))),
            })}
          </p>
        </CardHeader>
        <CardContent className="h-64" aria-hidden>
          <HourlyTrendChart
            data={hourly}
            labels={{ today: t("analytics.overview.today"), yesterday: t("analytics.overview.yesterday") }}
            format={money}
            tickFormat={format.compactMoney}
          />
        </CardContent>
      </Card>
      <Card data-testid="category-donut">
        <CardHeader>
          <CardTitle>{t("analytics.overview.categories")}</CardTitle>
        </CardHeader>
        <CardContent className="grid grid-cols-[8rem_minmax(0,1fr)] items-center gap-3">
          <div className="h-32" aria-hidden>
            <CategoryDonutChart
              data={payload.categories.map((category) => ({ name: category.category, value: Number(category.revenue) }))}
              format={money}
            />
          </div>
          <ul className="space-y-1 text-sm">
            {payload.categories.map((category, index) => (
              <li key={category.category} className="flex items-center gap-2">
                <span
                  aria-hidden
                  className="inline-block size-3 shrink-0 rounded-sm"
                  style={{ background: DONUT_COLOURS[index % DONUT_COLOURS.length] }}
                />
                <span className="flex-1 truncate">{category.category}</span>
                <span className="tabular-nums">{format.percent(Number(total) === 0 ? 0 : Number(category.revenue) / Number(total))}</span>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </>
  );
}
