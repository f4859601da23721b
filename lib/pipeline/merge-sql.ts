// The set-based merge of a staged file, run inside the load's transaction.
import { ROLLUP_SOURCE_COLUMNS } from "../sales/rollups";
import { BUSINESS_TIME_ZONE } from "../time/business-time";

// A scoped run may not overwrite a sale another unit owns under the same key.
export const REJECT_FOREIGN_KEYS_SQL = `
UPDATE pipeline_stage s SET reason = 'OUT_OF_SCOPE', message = 'order ' || s.order_id || ' line ' || s.line || ' belongs to another business unit'
FROM "Sale" t WHERE s.reason IS NULL AND $1::int IS NOT NULL AND t."externalKey" = s.external_key AND t."businessUnitId" <> $1`;

// Dimensions are keyed by code; an existing one keeps its attributes (first seen wins).
export const UPSERT_DIMENSIONS_SQL = [
  `INSERT INTO "Region" (code, name) SELECT DISTINCT region, region FROM pipeline_stage WHERE reason IS NULL ORDER BY 1 ON CONFLICT (code) DO NOTHING`,
  `INSERT INTO "Branch" (code, name, "regionId")
   SELECT DISTINCT ON (s.branch) s.branch, s.branch, r.id FROM pipeline_stage s JOIN "Region" r ON r.code = s.region
   WHERE s.reason IS NULL ORDER BY s.branch, s.row_number ON CONFLICT (code) DO NOTHING`,
  `INSERT INTO "Salesperson" (code, name, "branchId", "businessUnitId")
   SELECT DISTINCT ON (s.salesperson) s.salesperson, s.salesperson, b.id, u.id
   FROM pipeline_stage s JOIN "Branch" b ON b.code = s.branch JOIN "BusinessUnit" u ON u.slug = s.unit
   WHERE s.reason IS NULL ORDER BY s.salesperson, s.row_number ON CONFLICT (code) DO NOTHING`,
  `INSERT INTO "Product" (sku, name, line, category, "unitCost", "listPrice")
   SELECT DISTINCT ON (sku) sku, product_name, product_line, category, round(unit_cost, 4), round(coalesce(unit_price, line_amount / quantity), 4)
   FROM pipeline_stage WHERE reason IS NULL ORDER BY sku, row_number ON CONFLICT (sku) DO NOTHING`,
  `INSERT INTO "Customer" (code, name) SELECT DISTINCT ON (customer) customer, customer_name
   FROM pipeline_stage WHERE reason IS NULL ORDER BY customer, row_number ON CONFLICT (code) DO NOTHING`,
];

// Facts with resolved ids and their amounts at the stored precision, so comparing
// with "Sale" tells a real change from a rounding. Naive local times are business time.
// The scope is inlined as an integer literal: utility statements take no bind parameters.
export const createIncomingSql = (scopeUnitId: number | null) => `
CREATE TEMP TABLE pipeline_incoming ON COMMIT DROP AS
WITH priced AS (
  SELECT s.*, round(coalesce(s.line_amount, s.quantity * s.unit_price * (1 - s.discount)), 4) AS revenue
  FROM pipeline_stage s WHERE s.reason IS NULL
)
SELECT p.external_key, p.order_id,
       (CASE WHEN p.order_date ~ '[+-]\\d\\d:?\\d\\d$' THEN p.order_date::timestamptz
             ELSE p.order_date::timestamp AT TIME ZONE '${BUSINESS_TIME_ZONE}' END)::timestamptz(3) AS sold_at,
       u.id AS unit_id, b.id AS branch_id, sp.id AS salesperson_id, pr.id AS product_id, c.id AS customer_id, p.quantity,
       round(coalesce(p.unit_price, p.line_amount / (p.quantity * (1 - p.discount))), 4) AS unit_price,
       round(p.discount, 4) AS discount, p.revenue,
       round(CASE WHEN p.line_profit IS NOT NULL THEN p.revenue - p.line_profit ELSE p.quantity * p.unit_cost END, 4) AS cost
FROM priced p
JOIN "BusinessUnit" u ON u.slug = p.unit ${scopeUnitId === null ? "" : `AND u.id = ${Math.trunc(scopeUnitId)}`}
JOIN "Branch" b ON b.code = p.branch
JOIN "Salesperson" sp ON sp.code = p.salesperson
JOIN "Product" pr ON pr.sku = p.sku
JOIN "Customer" c ON c.code = p.customer`;

export const CREATE_TOUCHED_SQL = `
CREATE TEMP TABLE pipeline_touched ("soldAt" timestamptz, "businessUnitId" int, "branchId" int, "salespersonId" int, "productId" int, "customerId" int) ON COMMIT DROP`;

const DIFFERS = `(t."orderId", t."soldAt", t."businessUnitId", t."branchId", t."salespersonId", t."productId", t."customerId",
                  t.quantity, t."unitPrice", t.discount, t.revenue, t.cost)
  IS DISTINCT FROM (i.order_id, i.sold_at, i.unit_id, i.branch_id, i.salesperson_id, i.product_id, i.customer_id,
                    i.quantity, i.unit_price, i.discount, i.revenue, i.cost)`;
/** The columns of "Sale" the rollups' buckets come from, as `alias."column", …`. */
const bucketColumns = (alias: string) => ROLLUP_SOURCE_COLUMNS.map((name) => `${alias}."${name}"`).join(", ");

// The old versions of changing rows leave their buckets too (used when rollups are recomputed).
export const RECORD_OLD_BUCKETS_SQL = `
INSERT INTO pipeline_touched SELECT ${bucketColumns("t")}
FROM "Sale" t JOIN pipeline_incoming i ON i.external_key = t."externalKey" WHERE ${DIFFERS}`;

export const UPDATE_SALES_SQL = `
WITH changed AS (
  UPDATE "Sale" t SET "orderId" = i.order_id, "soldAt" = i.sold_at, "businessUnitId" = i.unit_id, "branchId" = i.branch_id,
    "salespersonId" = i.salesperson_id, "productId" = i.product_id, "customerId" = i.customer_id, quantity = i.quantity,
    "unitPrice" = i.unit_price, discount = i.discount, revenue = i.revenue, cost = i.cost, profit = i.revenue - i.cost,
    "sourceRunId" = $1
  FROM pipeline_incoming i WHERE i.external_key = t."externalKey" AND ${DIFFERS}
  RETURNING ${bucketColumns("t")}
)
INSERT INTO pipeline_touched SELECT * FROM changed`;

export const INSERT_SALES_SQL = `
WITH added AS (
  INSERT INTO "Sale" ("externalKey", "orderId", "soldAt", "businessUnitId", "branchId", "salespersonId", "productId", "customerId",
                      quantity, "unitPrice", discount, revenue, cost, profit, source, "sourceRunId")
  SELECT i.external_key, i.order_id, i.sold_at, i.unit_id, i.branch_id, i.salesperson_id, i.product_id, i.customer_id,
         i.quantity, i.unit_price, i.discount, i.revenue, i.cost, i.revenue - i.cost, 'IMPORT', $1
  FROM pipeline_incoming i WHERE NOT EXISTS (SELECT 1 FROM "Sale" t WHERE t."externalKey" = i.external_key)
  ORDER BY i.sold_at
  RETURNING ${bucketColumns('"Sale"')}
)
INSERT INTO pipeline_touched SELECT * FROM added`;

const CANONICAL_JSON = `jsonb_build_object('order_id', order_id, 'line', line::text, 'order_date', order_date, 'business_unit', unit,
  'region', region, 'branch', branch, 'salesperson', salesperson, 'customer', customer, 'customer_name', customer_name,
  'product_sku', sku, 'product_name', product_name, 'product_line', product_line, 'category', category,
  'quantity', quantity::text, 'unit_price', unit_price::text, 'line_amount', line_amount::text, 'unit_cost', unit_cost::text,
  'line_profit', line_profit::text, 'discount', discount::text)`;

// Rows rejected in SQL have no raw copy staged: their canonical values stand in for it.
export const QUARANTINE_SQL = `
INSERT INTO "QuarantinedRow" ("runId", "rowNumber", raw, canonical, "businessUnit", "reasonCode", message)
SELECT $1, row_number, coalesce(raw::jsonb, ${CANONICAL_JSON}), coalesce(canonical::jsonb, ${CANONICAL_JSON}), unit,
       reason::"RejectReason", message
FROM pipeline_stage WHERE reason IS NOT NULL ORDER BY row_number`;
