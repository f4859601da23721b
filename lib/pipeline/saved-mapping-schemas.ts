// Saved mappings and header detection as the New run dialog and /api/v1/pipeline/mappings see them.
// Client-safe: the same schemas validate the dialog's requests, the route handlers and the API document.
import { z } from "zod";

import { isoInstant } from "../utils/json-values";
import { MAX_FIELDS } from "./csv";
import { SAMPLE_ROWS, SAMPLE_VALUE_CHARS } from "./csv-sample";
import { mappingSchema } from "./mapping";

export const newSavedMappingSchema = z.object({
  name: z.string().trim().min(1, "give the mapping a name").max(80),
  mapping: mappingSchema,
});
export type NewSavedMapping = z.output<typeof newSavedMappingSchema>;

export const savedMappingViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  mapping: mappingSchema,
  businessUnit: z.object({ slug: z.string(), name: z.string() }).nullable().describe("The unit it belongs to; null: every unit's"),
  createdBy: z.string().nullable(),
  createdAt: isoInstant,
});
export type SavedMappingView = z.output<typeof savedMappingViewSchema>;

/** POST /api/v1/pipeline/mappings/suggest: a file's header and first rows, never the file. */
export const csvSampleSchema = z.object({
  header: z.array(z.string().max(1_000)).min(1).max(MAX_FIELDS),
  samples: z
    .array(z.array(z.string().max(SAMPLE_VALUE_CHARS)).max(MAX_FIELDS))
    .max(SAMPLE_ROWS)
    .default([]),
});

export const mappingDetectionSchema = z.object({
  match: z.enum(["preset", "saved", "suggested"]).describe("A preset or saved mapping fits the header, or a suggestion to review"),
  name: z.string().nullable().describe("The preset's or saved mapping's name; null for a suggestion"),
  savedMappingId: z.number().int().nullable(),
  mapping: mappingSchema.describe("Spelled as the file's header spells its columns"),
  missing: z.array(z.string()).describe('Required canonical columns nothing feeds ("unit_price|line_amount": neither price column)'),
});
export type MappingDetection = z.output<typeof mappingDetectionSchema>;
