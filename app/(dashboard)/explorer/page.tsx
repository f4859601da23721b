import type { Metadata } from "next";

import { AnalyticsFilters } from "@/components/analytics/analytics-filters";
import { FiltersInvalid } from "@/components/analytics/filters-invalid";
import { ExplorerPager } from "@/components/explorer/explorer-pager";
import { ExplorerSearch } from "@/components/explorer/explorer-search";
import { SalesTable } from "@/components/explorer/sales-table";
import { PageHeader } from "@/components/ui/page-header";
import { getFilterOptions } from "@/lib/analytics/filter-options";
import { analyticsFiltersSchema } from "@/lib/analytics/filters";
import { resolveAnalyticsQuery } from "@/lib/analytics/scope";
import { explorerLinks } from "@/lib/explorer/explorer-links";
import { listSalesPage } from "@/lib/explorer/list-sales";
import { explorerOptionsSchema } from "@/lib/explorer/options";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { BUSINESS_TIME_ZONE } from "@/lib/time/business-time";
import { firstValues, type PageSearchParams } from "@/lib/utils/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.explorer.title") };
}

export default async function ExplorerPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const user = await requireUser("/explorer");
  const [t, raw] = await Promise.all([getTranslator(), searchParams]);
  const params = firstValues(raw);
  const { q, sort, dir, limit, cursor, ...filters } = params;
  const header = <PageHeader title={t("pages.explorer.title")} description={t("pages.explorer.description")} />;
  const parsedFilters = analyticsFiltersSchema.safeParse(filters);
  const parsedOptions = explorerOptionsSchema.safeParse({ q, sort, dir, limit, cursor });
  if (!parsedFilters.success || !parsedOptions.success) {
    const issues = [parsedFilters.error, parsedOptions.error].flatMap((error) => error?.issues.map((issue) => issue.message) ?? []);
    return (
      <>
        {header}
        <FiltersInvalid message={t("analytics.filters.invalid", { message: issues.join("; ") })} />
      </>
    );
  }
  const options = parsedOptions.data;
  const [query, choices] = await Promise.all([resolveAnalyticsQuery(user, parsedFilters.data), getFilterOptions(user)]);
  const page = await listSalesPage(query, options).catch((error: unknown) => {
    // A cursor from another search cannot continue this one: say so instead of failing the page.
    if (error instanceof AppError && error.status === 422) return { error: error.message };
    throw error;
  });
  const href = explorerLinks(params, options);

  return (
    <>
      {header}
      <AnalyticsFilters query={query} filters={parsedFilters.data} options={choices} resetOnChange={["cursor"]} />
      <ExplorerSearch params={params} options={options} exportHref={href("/api/v1/sales", { format: "csv" })} t={t} />
      {"error" in page ? (
        <FiltersInvalid message={page.error} />
      ) : page.rows.length === 0 ? (
        <p className="text-muted-foreground rounded-lg border p-6 text-center text-sm" data-testid="explorer-empty">
          {t("explorer.empty")}
        </p>
      ) : (
        <>
          <SalesTable rows={page.rows} currency={env.CURRENCY} timeZone={BUSINESS_TIME_ZONE} />
          <ExplorerPager
            count={page.rows.length}
            firstHref={options.cursor ? href("/explorer") : null}
            nextHref={page.nextCursor ? href("/explorer", { cursor: page.nextCursor }) : null}
            t={t}
          />
        </>
      )}
    </>
  );
}
