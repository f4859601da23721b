// The explorer's own query options (client-safe); date range, unit and branch are the analytics filters.
import { z } from "zod";

export const EXPLORER_SORTS = ["soldAt", "revenue"] as const;
export type ExplorerSort = (typeof EXPLORER_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export const explorerOptionsSchema = z.object({
  q: z.string().trim().max(100, "search for at most 100 characters").optional(),
  sort: z.enum(EXPLORER_SORTS).default("soldAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  /** Opaque: the last row of the previous page, as the API returned it. */
  cursor: z.string().max(200).optional(),
});

export type ExplorerOptions = z.infer<typeof explorerOptionsSchema>;

export interface SaleRecord {
  id: number;
  orderId: string;
  soldAt: string;
  unit: string;
  branch: string;
  salesperson: string;
  sku: string;
  product: string;
  customer: string;
  quantity: number;
  unitPrice: string;
  discount: string;
  revenue: string;
  cost: string;
  profit: string;
  source: string;
}

export interface SalesPage {
  rows: SaleRecord[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}
