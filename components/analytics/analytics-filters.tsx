"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { useT } from "@/components/i18n/i18n-provider";
import { fieldClassName } from "@/components/ui/field";
import type { FilterOptions } from "@/lib/analytics/filter-options";
import { DATE_PRESETS, DEFAULT_PRESET, type AnalyticsFilters as Filters } from "@/lib/analytics/filters";
import type { AnalyticsQuery } from "@/lib/analytics/scope";

export interface AnalyticsFiltersProps {
  /** What the filters resolved to (the range of a preset, the caller's own unit when scoped). */
  query: Pick<AnalyticsQuery, "range" | "unitKey" | "branchId">;
  /** The filters as the URL gave them. */
  filters: Filters;
  options: FilterOptions;
  /** Query parameters that lose their meaning when a filter changes (a page cursor). */
  resetOnChange?: readonly string[];
}

/** The global filters; every change rewrites the URL, which the page reads, so a view can be bookmarked. */
export function AnalyticsFilters({ query, filters, options, resetOnChange = [] }: AnalyticsFiltersProps) {
  const { range, unitKey: unit, branchId: branch } = query;
  const { units, branches } = options;
  // Explicit dates make a custom range; otherwise the preset (or the default one) applies.
  const preset = filters.from ? null : (filters.preset ?? DEFAULT_PRESET);
  const t = useT();
  const router = useRouter();
  const pathname = usePathname();
  const current = useSearchParams();
  const update = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams(current.toString());
    for (const key of resetOnChange) params.delete(key);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") params.delete(key);
      else params.set(key, value);
    }
    router.push(`${pathname}?${params.toString()}`);
  };
  const label = (text: string, control: React.ReactNode) => (
    <label className="flex flex-col gap-1 text-xs font-medium">
      <span className="text-muted-foreground">{text}</span>
      {control}
    </label>
  );
  return (
    <form
      aria-label={t("analytics.filters.label")}
      className="mb-4 flex flex-wrap items-end gap-3"
      onSubmit={(event) => event.preventDefault()}
    >
      {label(
        t("analytics.filters.preset"),
        <select
          data-testid="filter-preset"
          className={fieldClassName}
          value={preset ?? ""}
          onChange={(event) => update({ preset: event.target.value, from: null, to: null })}
        >
          {preset === null ? <option value="">{t("analytics.filters.custom")}</option> : null}
          {DATE_PRESETS.map((value) => (
            <option key={value} value={value}>
              {t(`analytics.filters.presets.${value}`)}
            </option>
          ))}
        </select>,
      )}
      {label(
        t("analytics.filters.from"),
        <input
          data-testid="filter-from"
          type="date"
          className={fieldClassName}
          value={range.from}
          max={range.to}
          onChange={(event) => update({ from: event.target.value, to: range.to, preset: null })}
        />,
      )}
      {label(
        t("analytics.filters.to"),
        <input
          data-testid="filter-to"
          type="date"
          className={fieldClassName}
          value={range.to}
          min={range.from}
          onChange={(event) => update({ from: range.from, to: event.target.value, preset: null })}
        />,
      )}
      {units.length > 0
        ? label(
            t("analytics.filters.unit"),
            <select
              data-testid="filter-unit"
              className={fieldClassName}
              value={unit}
              onChange={(event) => update({ unit: event.target.value === "all" ? null : event.target.value })}
            >
              <option value="all">{t("analytics.filters.allUnits")}</option>
              {units.map((item) => (
                <option key={item.slug} value={item.slug}>
                  {item.name}
                </option>
              ))}
            </select>,
          )
        : null}
      {label(
        t("analytics.filters.branch"),
        <select
          data-testid="filter-branch"
          className={fieldClassName}
          value={branch ?? ""}
          onChange={(event) => update({ branch: event.target.value })}
        >
          <option value="">{t("analytics.filters.allBranches")}</option>
          {branches.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>,
      )}
    </form>
  );
}
