import type { Metadata } from "next";
import { Suspense } from "react";

import { AnalyticsFilters } from "@/components/analytics/analytics-filters";
import { AnalyticsTabs } from "@/components/analytics/analytics-tabs";
import { ReportSkeleton } from "@/components/analytics/report-skeleton";
import { ReportView } from "@/components/analytics/report-view";
import { PageHeader } from "@/components/ui/page-header";
import { getFilterOptions } from "@/lib/analytics/filter-options";
import { ANALYTICS_VIEWS, analyticsFiltersSchema, filtersToSearch, type AnalyticsView } from "@/lib/analytics/filters";
import { getAnalyticsReport } from "@/lib/analytics/get-report";
import { resolveAnalyticsQuery, type AnalyticsQuery } from "@/lib/analytics/scope";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.analytics.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function Report({
  view,
  query,
  search,
  canExport,
}: {
  view: AnalyticsView;
  query: AnalyticsQuery;
  search: string;
  canExport: boolean;
}) {
  const report = await getAnalyticsReport(view, query);
  return <ReportView view={view} search={search} initial={report} canExport={canExport} />;
}

export default async function AnalyticsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/analytics");
  const [t, raw] = await Promise.all([getTranslator(), searchParams]);
  const { tab, ...params } = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const view = ANALYTICS_VIEWS.find((name) => name === tab) ?? "salespeople";
  const header = <PageHeader title={t("pages.analytics.title")} description={t("pages.analytics.description")} />;
  const parsed = analyticsFiltersSchema.safeParse(params);
  if (!parsed.success) {
    return (
      <>
        {header}
        <p role="alert" data-testid="filters-invalid" className="rounded-lg border border-red-500/40 bg-red-500/10 p-3 text-sm">
          {t("analytics.filters.invalid", { message: parsed.error.issues.map((issue) => issue.message).join("; ") })}
        </p>
      </>
    );
  }
  const [query, options] = await Promise.all([resolveAnalyticsQuery(user, parsed.data), getFilterOptions(user)]);
  const search = filtersToSearch(parsed.data);
  return (
    <>
      {header}
      <AnalyticsFilters
        range={query.range}
        preset={parsed.data.from ? null : (parsed.data.preset ?? "90d")}
        unit={query.unitKey}
        branch={query.branchId}
        units={options.units}
        branches={options.branches}
      />
      <AnalyticsTabs active={view} search={search} t={t} />
      <Suspense key={`${view}?${search}`} fallback={<ReportSkeleton />}>
        <Report view={view} query={query} search={search} canExport={can(user.role, "sales.export")} />
      </Suspense>
    </>
  );
}
