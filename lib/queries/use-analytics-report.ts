"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";

import type { AnalyticsView } from "../analytics/filters";
import type { AnalyticsReports } from "../analytics/types";
import { fetchEnvelope } from "./fetch-envelope";

/** One analytics view for a filter query string, seeded by the server render and refetched on focus. */
export function useAnalyticsReport<V extends AnalyticsView>(view: V, search: string, initial: AnalyticsReports[V]) {
  return useQuery({
    queryKey: ["analytics", view, search],
    queryFn: () => fetchEnvelope<AnalyticsReports[V]>(`/api/v1/analytics/${view}?${search}`),
    initialData: initial,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
