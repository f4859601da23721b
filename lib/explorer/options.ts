// The explorer's own query options (client-safe); date range, unit and branch are the analytics filters.
import { z } from "zod";

import { decimalString, isoInstant } from "../utils/json-values";

export const EXPLORER_SORTS = ["soldAt", "revenue"] as const;
export type ExplorerSort = (typeof EXPLORER_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export const explorerOptionsSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100, "search for at most 100 characters")
    .optional()
    .describe("Order id, or part of a product name or SKU, customer or salesperson name or code"),
  sort: z.enum(EXPLORER_SORTS).default("soldAt").describe("Sort column"),
  dir: z.enum(["asc", "desc"]).default("desc").describe("Sort direction"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe("Lines per page"),
  /** Opaque: the last row of the previous page, as the API returned it. */
  cursor: z.string().max(200).optional().describe("nextCursor of the previous page"),
});

export type ExplorerOptions = z.infer<typeof explorerOptionsSchema>;

export const SALE_SOURCES = ["SEED", "IMPORT", "SIMULATOR"] as const;

export const saleRecordSchema = z.object({
  id: z.number().int(),
  orderId: z.string(),
  soldAt: isoInstant,
  unit: z.string().describe("Business-unit slug"),
  branch: z.string(),
  salesperson: z.string(),
  sku: z.string(),
  product: z.string(),
  customer: z.string(),
  quantity: z.number().int(),
  unitPrice: decimalString,
  discount: decimalString,
  revenue: decimalString,
  cost: decimalString,
  profit: decimalString,
  source: z.enum(SALE_SOURCES),
});
export type SaleRecord = z.infer<typeof saleRecordSchema>;

export const salesPageSchema = z.object({
  rows: z.array(saleRecordSchema),
  nextCursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last one"),
});
export type SalesPage = z.infer<typeof salesPageSchema>;
