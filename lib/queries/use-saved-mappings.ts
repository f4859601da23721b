"use client";

import { useQuery } from "@tanstack/react-query";

import type { CsvSample } from "../pipeline/csv-sample";
import type { MappingDetection, SavedMappingView } from "../pipeline/saved-mapping-schemas";
import { fetchEnvelope, sendEnvelope } from "./fetch-envelope";

/** The saved mappings query: saving or removing one invalidates it. */
export const SAVED_MAPPINGS_KEY = ["saved-mappings"] as const;
/** The prefix of detection queries: a saved or removed mapping may change what a header matches. */
export const MAPPING_DETECTION_KEY = ["mapping-detection"] as const;

export function useSavedMappings(initial: SavedMappingView[]) {
  return useQuery({
    queryKey: SAVED_MAPPINGS_KEY,
    queryFn: () => fetchEnvelope<SavedMappingView[]>("/api/v1/pipeline/mappings"),
    initialData: initial,
  });
}

/**
 * What fits a file, asked with its header and first rows (the file itself is uploaded only by the
 * run): once per file chosen, and again when a mapping is saved or removed.
 */
export function useMappingDetection(sample: CsvSample | null) {
  return useQuery({
    queryKey: [...MAPPING_DETECTION_KEY, sample],
    queryFn: () => sendEnvelope<MappingDetection>({ url: "/api/v1/pipeline/mappings/suggest", body: sample }),
    enabled: sample !== null,
    staleTime: Infinity,
    retry: false,
  });
}
