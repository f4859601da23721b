"use client";

import { useT } from "@/components/i18n/i18n-provider";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormatters } from "@/components/ui/use-formatters";
import type { KpiSnapshotPayload } from "@/lib/kpis/types";

/** The best branches this month as a ranked bar list (plain HTML: readable by screen readers as a list). */
export function TopBranches({ payload }: { payload: KpiSnapshotPayload }) {
  const t = useT();
  const format = useFormatters(payload.currency);
  const best = Number(payload.topBranches[0]?.revenue ?? 0);
  return (
    <Card data-testid="top-branches">
      <CardHeader>
        <CardTitle>{t("analytics.overview.topBranches")}</CardTitle>
      </CardHeader>
      <CardContent>
        <ol className="space-y-2">
          {payload.topBranches.map((branch) => (
            <li key={branch.id}>
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <span className="truncate font-medium">
                  {branch.name} <span className="text-muted-foreground font-normal">· {branch.region}</span>
                </span>
                <span className="tabular-nums">{format.money(branch.revenue)}</span>
              </div>
              <div className="bg-muted mt-1 h-2 overflow-hidden rounded-full" aria-hidden>
                <div className="h-full bg-emerald-500" style={{ width: `${best === 0 ? 0 : (Number(branch.revenue) / best) * 100}%` }} />
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
