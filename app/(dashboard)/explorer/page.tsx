import type { Metadata } from "next";
import Link from "next/link";

import { AnalyticsFilters } from "@/components/analytics/analytics-filters";
import { SalesTable } from "@/components/explorer/sales-table";
import { buttonClassName } from "@/components/ui/button";
import { fieldClassName } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getFilterOptions } from "@/lib/analytics/filter-options";
import { analyticsFiltersSchema } from "@/lib/analytics/filters";
import { resolveAnalyticsQuery } from "@/lib/analytics/scope";
import { listSalesPage } from "@/lib/explorer/list-sales";
import { EXPLORER_SORTS, explorerOptionsSchema } from "@/lib/explorer/options";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { BUSINESS_TIME_ZONE } from "@/lib/time/business-time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.explorer.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTER_KEYS = ["from", "to", "preset", "unit", "branch"] as const;

export default async function ExplorerPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/explorer");
  const [t, raw] = await Promise.all([getTranslator(), searchParams]);
  const params = Object.fromEntries(
    Object.entries(raw).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[key, first]];
    }),
  );
  const { q, sort, dir, limit, cursor, ...filters } = params;
  const header = <PageHeader title={t("pages.explorer.title")} description={t("pages.explorer.description")} />;
  const parsedFilters = analyticsFiltersSchema.safeParse(filters);
  const parsedOptions = explorerOptionsSchema.safeParse({ q, sort, dir, limit, cursor });
  const invalid = [parsedFilters.error, parsedOptions.error].flatMap((error) => error?.issues.map((issue) => issue.message) ?? []);
  if (!parsedFilters.success || !parsedOptions.success) {
    return (
      <>
        {header}
        <p role="alert" data-testid="filters-invalid" className="rounded-lg border border-red-500/40 bg-red-500/10 p-3 text-sm">
          {t("analytics.filters.invalid", { message: invalid.join("; ") })}
        </p>
      </>
    );
  }
  const options = parsedOptions.data;
  const [query, choices] = await Promise.all([resolveAnalyticsQuery(user, parsedFilters.data), getFilterOptions(user)]);
  let page;
  try {
    page = await listSalesPage(query, options);
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 422) throw error;
    page = { error: error.message };
  }

  // The filters, search and order of this view, without the page cursor: every link below starts from them.
  const base = new URLSearchParams();
  for (const key of FILTER_KEYS) if (params[key]) base.set(key, params[key]);
  if (options.q) base.set("q", options.q);
  if (options.sort !== "soldAt") base.set("sort", options.sort);
  if (options.dir !== "desc") base.set("dir", options.dir);
  const withParams = (path: string, extra: Record<string, string> = {}) => {
    const search = new URLSearchParams(base);
    for (const [key, value] of Object.entries(extra)) search.set(key, value);
    return `${path}?${search.toString()}`;
  };

  return (
    <>
      {header}
      <AnalyticsFilters
        range={query.range}
        preset={parsedFilters.data.from ? null : (parsedFilters.data.preset ?? "90d")}
        unit={query.unitKey}
        branch={query.branchId}
        units={choices.units}
        branches={choices.branches}
        resetOnChange={["cursor"]}
      />
      {/* A plain GET form: searching or re-sorting starts again from the first page. */}
      <form action="/explorer" className="mb-4 flex flex-wrap items-end gap-3" data-testid="explorer-search">
        {FILTER_KEYS.map((key) => (params[key] ? <input key={key} type="hidden" name={key} value={params[key]} /> : null))}
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium">
          <span className="text-muted-foreground">{t("explorer.search")}</span>
          <input
            name="q"
            type="search"
            defaultValue={options.q ?? ""}
            placeholder={t("explorer.searchPlaceholder")}
            className={fieldClassName}
            data-testid="explorer-q"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          <span className="text-muted-foreground">{t("explorer.sort")}</span>
          <select name="sort" defaultValue={options.sort} className={fieldClassName} data-testid="explorer-sort">
            {EXPLORER_SORTS.map((value) => (
              <option key={value} value={value}>
                {t(`explorer.sorts.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          <span className="text-muted-foreground">{t("explorer.direction")}</span>
          <select name="dir" defaultValue={options.dir} className={fieldClassName} data-testid="explorer-dir">
            <option value="desc">{t("explorer.directions.desc")}</option>
            <option value="asc">{t("explorer.directions.asc")}</option>
          </select>
        </label>
        <button type="submit" className={buttonClassName()} data-testid="explorer-apply">
          {t("explorer.apply")}
        </button>
        <a
          href={withParams("/api/v1/sales", { format: "csv" })}
          download
          className={buttonClassName({ variant: "outline" })}
          data-testid="explorer-export"
        >
          {t("explorer.export")}
        </a>
      </form>

      {"error" in page ? (
        <p role="alert" data-testid="filters-invalid" className="rounded-lg border border-red-500/40 bg-red-500/10 p-3 text-sm">
          {page.error}
        </p>
      ) : page.rows.length === 0 ? (
        <p className="text-muted-foreground rounded-lg border p-6 text-center text-sm" data-testid="explorer-empty">
          {t("explorer.empty")}
        </p>
      ) : (
        <>
          <SalesTable rows={page.rows} currency={env.CURRENCY} timeZone={BUSINESS_TIME_ZONE} />
          <nav className="mt-4 flex items-center justify-between gap-3 text-sm" aria-label={t("explorer.nextPage")}>
            <span className="text-muted-foreground" data-testid="explorer-count">
              {t("explorer.showing", { count: page.rows.length })}
            </span>
            <span className="flex gap-2">
              {options.cursor ? (
                <Link
                  href={withParams("/explorer")}
                  className={buttonClassName({ variant: "outline", size: "sm" })}
                  data-testid="explorer-first"
                >
                  {t("explorer.firstPage")}
                </Link>
              ) : null}
              {page.nextCursor ? (
                <Link
                  href={withParams("/explorer", { cursor: page.nextCursor })}
                  className={buttonClassName({ variant: "outline", size: "sm" })}
                  data-testid="explorer-next"
                >
                  {t("explorer.nextPage")}
                </Link>
              ) : null}
            </span>
          </nav>
        </>
      )}
    </>
  );
}
