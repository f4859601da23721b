import "server-only";

import { getBranchesReport } from "./branches";
import { getCustomersReport } from "./customers";
import type { AnalyticsView } from "./filters";
import { getProductsReport } from "./products";
import { getSalespeopleReport } from "./salespeople";
import type { AnalyticsQuery } from "./scope";
import { getTrendsReport } from "./trends";
import type { AnalyticsReports } from "./types";

const REPORTS: { [V in AnalyticsView]: (query: AnalyticsQuery) => Promise<AnalyticsReports[V]> } = {
  salespeople: getSalespeopleReport,
  products: getProductsReport,
  branches: getBranchesReport,
  customers: getCustomersReport,
  trends: getTrendsReport,
};

/** One analytics view for an already scoped query. */
export function getAnalyticsReport<V extends AnalyticsView>(view: V, query: AnalyticsQuery): Promise<AnalyticsReports[V]> {
  return REPORTS[view](query);
}
