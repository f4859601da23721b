"use client";

import type { AnalyticsView } from "@/lib/analytics/filters";
import type { AnalyticsReports } from "@/lib/analytics/types";
import { useAnalyticsReport } from "@/lib/queries/use-analytics-report";

import { BranchesView } from "./branches-view";
import { CustomersView } from "./customers-view";
import { ProductsView } from "./products-view";
import { SalespeopleView } from "./salespeople-view";
import { TrendsView } from "./trends-view";

export interface ReportViewProps<V extends AnalyticsView> {
  view: V;
  /** The filters' query string (without the tab). */
  search: string;
  initial: AnalyticsReports[V];
  canExport: boolean;
}

/** One tab's report: the server render seeds TanStack Query, which refetches when stale. */
export function ReportView<V extends AnalyticsView>({ view, search, initial, canExport }: ReportViewProps<V>) {
  const { data = initial } = useAnalyticsReport(view, search, initial);
  const csvHref = canExport ? `/api/v1/analytics/${view}?${search}${search ? "&" : ""}format=csv` : undefined;
  const report = data;
  switch (view) {
    case "salespeople":
      return <SalespeopleView report={report as AnalyticsReports["salespeople"]} csvHref={csvHref} />;
    case "products":
      return <ProductsView report={report as AnalyticsReports["products"]} csvHref={csvHref} />;
    case "branches": {
      const drillHref = (branch: number) => {
        const params = new URLSearchParams(search);
        params.set("branch", String(branch));
        params.set("tab", "salespeople");
        return `/analytics?${params.toString()}`;
      };
      return <BranchesView report={report as AnalyticsReports["branches"]} csvHref={csvHref} drillHref={drillHref} />;
    }
    case "customers":
      return <CustomersView report={report as AnalyticsReports["customers"]} csvHref={csvHref} />;
    default:
      return <TrendsView report={report as AnalyticsReports["trends"]} csvHref={csvHref} />;
  }
}
