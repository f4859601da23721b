import type { Metadata } from "next";
import { Suspense } from "react";

import { AnalyticsFilters } from "@/components/analytics/analytics-filters";
import { AnalyticsTabs } from "@/components/analytics/analytics-tabs";
import { FiltersInvalid } from "@/components/analytics/filters-invalid";
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
import { firstValues, type PageSearchParams } from "@/lib/utils/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.analytics.title") };
}

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

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const user = await requireUser("/analytics");
  const [t, raw] = await Promise.all([getTranslator(), searchParams]);
  const { tab, ...params } = firstValues(raw);
  const view = ANALYTICS_VIEWS.find((name) => name === tab) ?? "salespeople";
  const header = <PageHeader title={t("pages.analytics.title")} description={t("pages.analytics.description")} />;
  const parsed = analyticsFiltersSchema.safeParse(params);
  if (!parsed.success) {
    return (
      <>
        {header}
        <FiltersInvalid
          message={t("analytics.filters.invalid", { message: parsed.error.issues.map((issue) => issue.message).join("; ") })}
        />
      </>
    );
  }
  const [query, options] = await Promise.all([resolveAnalyticsQuery(user, parsed.data), getFilterOptions(user)]);
  const search = filtersToSearch(parsed.data);
  return (
    <>
      {header}
      <AnalyticsFilters query={query} filters={parsed.data} options={options} />
      <AnalyticsTabs active={view} search={search} t={t} />
      <Suspense key={`${view}?${search}`} fallback={<ReportSkeleton />}>
        <Report view={view} query={query} search={search} canExport={can(user.role, "sales.export")} />
      </Suspense>
    </>
  );
}
