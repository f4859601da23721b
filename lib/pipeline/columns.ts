// The canonical sales columns every preset or mapping file maps onto.
// `line_amount` may replace `unit_price`; `customer_name` and `line_profit` are optional
// extras so datasets that carry them (Superstore's Profit) keep their published totals.
export const CANONICAL_COLUMNS = [
  "order_id",
  "line",
  "order_date",
  "business_unit",
  "region",
  "branch",
  "salesperson",
  "customer",
  "customer_name",
  "product_sku",
  "product_name",
  "product_line",
  "category",
  "quantity",
  "unit_price",
  "line_amount",
  "unit_cost",
  "line_profit",
  "discount",
] as const;

export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

/** One source row mapped onto the canonical columns (absent columns are undefined). */
export type CanonicalRecord = Partial<Record<CanonicalColumn, string>>;

/** A row that passed validation, normalized for the staging table. */
export interface StagedRow {
  orderId: string;
  line: number;
  /** Local wall-clock time "YYYY-MM-DD HH:mm:ss", or an ISO instant with its offset. */
  orderDate: string;
  businessUnit: string;
  region: string;
  branch: string;
  salesperson: string;
  customer: string;
  customerName: string;
  productSku: string;
  productName: string;
  productLine: string;
  category: string;
  quantity: number;
  unitPrice: string | null;
  lineAmount: string | null;
  unitCost: string;
  lineProfit: string | null;
  discount: string;
}

export const REJECT_REASONS = [
  "MISSING_FIELD",
  "BAD_NUMBER",
  "BAD_DATE",
  "NON_POSITIVE_QUANTITY",
  "NEGATIVE_PRICE",
  "DISCOUNT_OUT_OF_RANGE",
  "UNKNOWN_BUSINESS_UNIT",
  "DUPLICATE_IN_FILE",
  "FIELD_TOO_LONG",
  "INCONSISTENT_DIMENSION",
  "OUT_OF_SCOPE",
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Rejection {
  reason: RejectReason;
  message: string;
}
