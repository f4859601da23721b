// The set-based merge of a staged file, run inside the load's transaction.
import { ROLLUP_SOURCE_COLUMNS } from "../sales/rollups";
import { BUSINESS_TIME_ZONE } from "../time/business-time";

// A scoped run may not overwrite a sale another unit owns under the same key. The message does
// not say so: it would confirm to one unit that another has an order under that key.
export const REJECT_FOREIGN_KEYS_SQL = `
UPDATE pipeline_stage s SET reason = 'OUT_OF_SCOPE', message = 'order ' || s.order_id || ' line ' || s.line || ' cannot be loaded in your scope'
FROM "Sale" t WHERE s.reason IS NULL AND $1::int IS NOT NULL AND t."externalKey" = s.external_key AND t."businessUnitId" <> $1`;

// The valid rows a load has to look at: new keys, and keys whose stored row was written
// from other values (its hash differs). A reload of an unchanged file stops here.
export const CREATE_CHANGED_SQL = `
CREATE TEMP TABLE pipeline_changed ON COMMIT DROP AS
SELECT s.*, t.id AS sale_id FROM pipeline_stage s LEFT JOIN "Sale" t ON t."externalKey" = s.external_key
WHERE s.reason IS NULL AND t."rowHash" IS DISTINCT FROM s.row_hash`;

// Dimensions are keyed by code; a new one takes the attributes of its first row in the
// file, an existing one keeps its own. (Hash aggregates: DISTINCT ON sorted the whole file.)
const firstRowsOfNew = (column: string, table: string, key = "code") =>
  `SELECT min(s.row_number) FROM pipeline_changed s WHERE NOT EXISTS (SELECT 1 FROM "${table}" d WHERE d.${key} = s.${column}) GROUP BY s.${column}`;
export const UPSERT_DIMENSIONS_SQL = [
  `INSERT INTO "Region" (code, name) SELECT DISTINCT region, region FROM pipeline_changed ORDER BY 1 ON CONFLICT (code) DO NOTHING`,
  `INSERT INTO "Branch" (code, name, "regionId")
   SELECT s.branch, s.branch, r.id FROM pipeline_changed s JOIN "Region" r ON r.code = s.region
   WHERE s.row_number IN (${firstRowsOfNew("branch", "Branch")}) ORDER BY 1 ON CONFLICT (code) DO NOTHING`,
  `INSERT INTO "Salesperson" (code, name, "branchId", "businessUnitId")
   SELECT s.salesperson, s.salesperson, b.id, u.id
   FROM pipeline_changed s JOIN "Branch" b ON b.code = s.branch JOIN "BusinessUnit" u ON u.slug = s.unit
   WHERE s.row_number IN (${firstRowsOfNew("salesperson", "Salesperson")}) ORDER BY 1 ON CONFLICT (code) DO NOTHING`,
  `INSERT INTO "Product" (sku, name, line, category, "unitCost", "listPrice")
   SELECT sku, product_name, product_line, category, round(unit_cost, 4), round(coalesce(unit_price, line_amount / quantity), 4)
   FROM pipeline_changed WHERE row_number IN (${firstRowsOfNew("sku", "Product", "sku")}) ORDER BY 1 ON CONFLICT (sku) DO NOTHING`,
  `INSERT INTO "Customer" (code, name) SELECT customer, customer_name
   FROM pipeline_changed WHERE row_number IN (${firstRowsOfNew("customer", "Customer")}) ORDER BY 1 ON CONFLICT (code) DO NOTHING`,
];

// Facts with resolved ids and their amounts at the stored precision, so comparing
// with "Sale" tells a real change from a rounding. Naive local times are business time: the
// date parser writes them as "YYYY-MM-DD HH:mm:ss" and adds an offset to instants.
// The scope is inlined as an integer literal: utility statements take no bind parameters.
export const createIncomingSql = (scopeUnitId: number | null) => `
CREATE TEMP TABLE pipeline_incoming ON COMMIT DROP AS
WITH priced AS (
  SELECT s.*, round(coalesce(s.line_amount, s.quantity * s.unit_price * (1 - s.discount)), 4) AS revenue
  FROM pipeline_changed s
)
SELECT p.sale_id, p.row_hash, p.external_key, p.order_id,
       (CASE WHEN length(p.order_date) > 19 THEN p.order_date::timestamptz
             ELSE p.order_date::timestamp AT TIME ZONE '${BUSINESS_TIME_ZONE}' END)::timestamptz(3) AS sold_at,
       u.id AS unit_id, b.id AS branch_id, sp.id AS salesperson_id, pr.id AS product_id, c.id AS customer_id, p.quantity,
       round(coalesce(p.unit_price, p.line_amount / (p.quantity * (1 - p.discount))), 4) AS unit_price,
       round(p.discount, 4) AS discount, p.revenue,
       round(CASE WHEN p.line_profit IS NOT NULL THEN p.revenue - p.line_profit ELSE p.quantity * p.unit_cost END, 4) AS cost,
       -- A line of an order "Sale" has no line of yet: it can simply be added to its buckets.
       p.sale_id IS NULL AND NOT EXISTS (SELECT 1 FROM "Sale" o WHERE o."orderId" = p.order_id) AS new_order
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
const bucketsOf = (alias: string, columns: readonly string[]) => columns.map((name) => `${alias}.${name}`).join(", ");
const SALE_BUCKET_COLUMNS = ROLLUP_SOURCE_COLUMNS.map((name) => `"${name}"`);
const INCOMING_BUCKET_COLUMNS = ["sold_at", "unit_id", "branch_id", "salesperson_id", "product_id", "customer_id"];

// Before a load without triggers: the buckets to recompute from "Sale" afterwards are both
// versions of each changing row and those of new lines of orders "Sale" already has.
export const RECORD_TOUCHED_BUCKETS_SQL = `
INSERT INTO pipeline_touched
SELECT ${bucketsOf("t", SALE_BUCKET_COLUMNS)} FROM "Sale" t JOIN pipeline_incoming i ON i.sale_id = t.id WHERE ${DIFFERS}
UNION ALL
SELECT ${bucketsOf("i", INCOMING_BUCKET_COLUMNS)} FROM "Sale" t JOIN pipeline_incoming i ON i.sale_id = t.id WHERE ${DIFFERS}
UNION ALL
SELECT ${bucketsOf("i", INCOMING_BUCKET_COLUMNS)} FROM pipeline_incoming i WHERE i.sale_id IS NULL AND NOT i.new_order`;

// …and the new lines of new orders, which are simply added to their buckets.
export const CREATE_ADDED_SQL = `
CREATE TEMP TABLE pipeline_added ON COMMIT DROP AS
SELECT i.order_id AS "orderId", ${INCOMING_BUCKET_COLUMNS.map((name, index) => `i.${name} AS ${SALE_BUCKET_COLUMNS[index]}`).join(", ")},
       i.quantity, i.revenue, i.cost, i.revenue - i.cost AS profit
FROM pipeline_incoming i WHERE i.new_order`;

export const UPDATE_SALES_SQL = `
UPDATE "Sale" t SET "orderId" = i.order_id, "soldAt" = i.sold_at, "businessUnitId" = i.unit_id, "branchId" = i.branch_id,
  "salespersonId" = i.salesperson_id, "productId" = i.product_id, "customerId" = i.customer_id, quantity = i.quantity,
  "unitPrice" = i.unit_price, discount = i.discount, revenue = i.revenue, cost = i.cost, profit = i.revenue - i.cost,
  "sourceRunId" = $1, "rowHash" = i.row_hash
FROM pipeline_incoming i WHERE i.sale_id = t.id AND ${DIFFERS}`;

// Rows with the same values but a stale hash (loaded from other text, or before hashes):
// recording the hash lets the next reload skip them. It changes no value, so no rollup.
export const REFRESH_ROW_HASHES_SQL = `
UPDATE "Sale" t SET "rowHash" = i.row_hash
FROM pipeline_incoming i WHERE i.sale_id = t.id AND t."rowHash" IS DISTINCT FROM i.row_hash`;

export const INSERT_SALES_SQL = `
INSERT INTO "Sale" ("externalKey", "orderId", "soldAt", "businessUnitId", "branchId", "salespersonId", "productId", "customerId",
                    quantity, "unitPrice", discount, revenue, cost, profit, source, "sourceRunId", "rowHash")
SELECT i.external_key, i.order_id, i.sold_at, i.unit_id, i.branch_id, i.salesperson_id, i.product_id, i.customer_id,
       i.quantity, i.unit_price, i.discount, i.revenue, i.cost, i.revenue - i.cost, 'IMPORT', $1, i.row_hash
FROM pipeline_incoming i WHERE i.sale_id IS NULL
ORDER BY i.sold_at`;

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
