-- Rollups keep only their primary key (reads are time ranges; every sale writes to each rollup).
DROP INDEX "SalesHourlyRollup_businessUnitId_hour_idx";
DROP INDEX "SalesDailyRollup_businessUnitId_day_idx";
DROP INDEX "SalesDailyRollup_branchId_day_idx";
DROP INDEX "SalesDailyRollup_productId_day_idx";
DROP INDEX "SalesDailyRollup_salespersonId_day_idx";

-- CreateTable
CREATE TABLE "SalesDailyBranchRollup" (
    "day" DATE NOT NULL,
    "businessUnitId" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "lines" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "revenue" DECIMAL(18,4) NOT NULL,
    "cost" DECIMAL(18,4) NOT NULL,
    "profit" DECIMAL(18,4) NOT NULL,

    CONSTRAINT "SalesDailyBranchRollup_pkey" PRIMARY KEY ("day","businessUnitId","branchId")
);

-- CreateTable
CREATE TABLE "SalesDailySalespersonRollup" (
    "day" DATE NOT NULL,
    "businessUnitId" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "salespersonId" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "lines" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "revenue" DECIMAL(18,4) NOT NULL,
    "cost" DECIMAL(18,4) NOT NULL,
    "profit" DECIMAL(18,4) NOT NULL,

    CONSTRAINT "SalesDailySalespersonRollup_pkey" PRIMARY KEY ("day","businessUnitId","branchId","salespersonId")
);

-- CreateTable
CREATE TABLE "SalesMonthlyProductRollup" (
    "month" DATE NOT NULL,
    "businessUnitId" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "lines" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "revenue" DECIMAL(18,4) NOT NULL,
    "cost" DECIMAL(18,4) NOT NULL,
    "profit" DECIMAL(18,4) NOT NULL,

    CONSTRAINT "SalesMonthlyProductRollup_pkey" PRIMARY KEY ("month","businessUnitId","branchId","productId")
);

-- CreateTable
CREATE TABLE "SalesDailyCustomerRollup" (
    "day" DATE NOT NULL,
    "businessUnitId" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "lines" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "revenue" DECIMAL(18,4) NOT NULL,
    "cost" DECIMAL(18,4) NOT NULL,
    "profit" DECIMAL(18,4) NOT NULL,

    CONSTRAINT "SalesDailyCustomerRollup_pkey" PRIMARY KEY ("day","businessUnitId","branchId","customerId")
);

-- CreateTable
CREATE TABLE "SalesMonthlyCustomerRollup" (
    "month" DATE NOT NULL,
    "businessUnitId" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "lines" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "revenue" DECIMAL(18,4) NOT NULL,
    "cost" DECIMAL(18,4) NOT NULL,
    "profit" DECIMAL(18,4) NOT NULL,
    "lastDay" DATE NOT NULL,

    CONSTRAINT "SalesMonthlyCustomerRollup_pkey" PRIMARY KEY ("month","businessUnitId","branchId","customerId")
);

-- Rollup rows are updated in place on every sale: free space on each page lets PostgreSQL
-- update them without touching their indexes (HOT updates).
ALTER TABLE "SalesHourlyRollup" SET (fillfactor = 70);
ALTER TABLE "SalesDailyRollup" SET (fillfactor = 70);
ALTER TABLE "SalesDailyBranchRollup" SET (fillfactor = 70);
ALTER TABLE "SalesDailySalespersonRollup" SET (fillfactor = 70);
ALTER TABLE "SalesMonthlyProductRollup" SET (fillfactor = 70);
ALTER TABLE "SalesDailyCustomerRollup" SET (fillfactor = 70);
ALTER TABLE "SalesMonthlyCustomerRollup" SET (fillfactor = 70);

-- The Sale triggers now keep every rollup exact through the same statements per rollup table,
-- written by this function and run by the trigger (only it can read the transition tables).
-- key_exprs compute each bucket column from a row, written with "#." for the row's alias.
-- Sums take the signed delta. Orders are distinct per bucket: a touched order counts +1 if it
-- is in the bucket now but was not before, -1 the reverse (each looked up once by index); an
-- insert whose orders are all new (the invoice stream's) just counts them.
-- "lastDay" only grows on insert; after an update or delete it is recounted for the touched buckets.
CREATE FUNCTION pulseboard_rollup_delta_sql(changes text, operation text, new_orders_only boolean, target text, key_columns text[],
                                            key_exprs text[], counts_orders boolean, tracks_last_day boolean)
RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $fn$
DECLARE
  day_of_c CONSTANT text := $$(c."soldAt" AT TIME ZONE 'Africa/Nairobi')::date$$;
  keys_of_c text;
  key_list text;
  target_keys text;
  buckets_match_orders text;
  sale_in_touched text;
  sale_in_target text;
  target_in_keys text;
  measures text;
  values_list text;
  updates text;
  order_delta text;
  statements text[];
BEGIN
  SELECT string_agg(format('%s AS k%s', replace(e, '#.', 'c.'), i), ', ' ORDER BY i),
         string_agg('k' || i, ', ' ORDER BY i),
         string_agg(format('b.k%1$s = o.k%1$s', i), ' AND ' ORDER BY i),
         string_agg(format('%s = t.k%s', replace(e, '#.', 's.'), i), ' AND ' ORDER BY i),
         string_agg(format('%s = r.%I', replace(e, '#.', 's.'), key_columns[i]), ' AND ' ORDER BY i),
         string_agg(format('r.%I = k.k%s', key_columns[i], i), ' AND ' ORDER BY i),
         string_agg(format('%I', key_columns[i]), ', ' ORDER BY i)
    INTO keys_of_c, key_list, buckets_match_orders, sale_in_touched, sale_in_target, target_in_keys, target_keys
    FROM unnest(key_exprs) WITH ORDINALITY AS x(e, i);

  measures := concat_ws(', ', CASE WHEN counts_orders THEN 'orders' END, 'lines, quantity, revenue, cost, profit',
                        CASE WHEN tracks_last_day THEN '"lastDay"' END);
  values_list := concat_ws(', ', CASE WHEN counts_orders THEN 'coalesce(o.orders, 0)' END,
                           'b.lines, b.quantity, b.revenue, b.cost, b.profit', -- A bucket that only lost lines has no new day: the recount below sets it.
                           CASE WHEN tracks_last_day THEN $$coalesce(b.last_day, '-infinity')$$ END);
  updates := concat_ws(', ', CASE WHEN counts_orders THEN 'orders = r.orders + EXCLUDED.orders' END,
                       'lines = r.lines + EXCLUDED.lines, quantity = r.quantity + EXCLUDED.quantity',
                       'revenue = r.revenue + EXCLUDED.revenue, cost = r.cost + EXCLUDED.cost, profit = r.profit + EXCLUDED.profit',
                       CASE WHEN tracks_last_day THEN '"lastDay" = GREATEST(r."lastDay", EXCLUDED."lastDay")' END);

  -- Inserted lines of orders that had no lines before: each order counts once per bucket, no lookups.
  order_delta := CASE
    WHEN NOT counts_orders THEN format('SELECT %1$s, 0 AS orders FROM keyed WHERE FALSE', key_list)
    WHEN new_orders_only THEN format('SELECT %1$s, count(DISTINCT "orderId")::int AS orders FROM keyed GROUP BY %1$s', key_list)
    ELSE format($sql$
      SELECT %1$s, sum(
        (EXISTS (SELECT 1 FROM "Sale" s WHERE s."orderId" = t."orderId" AND %2$s))::int
        - (t.had_old_line OR EXISTS (SELECT 1 FROM "Sale" s WHERE s."orderId" = t."orderId" AND %2$s
                                       AND s.id NOT IN (SELECT id FROM new_ids)))::int
      )::int AS orders
      FROM touched t GROUP BY %1$s$sql$, key_list, sale_in_touched)
  END;

  statements := ARRAY[format($sql$
    WITH changes AS MATERIALIZED (%1$s),
    keyed AS MATERIALIZED (SELECT %2$s, c.* , %3$s AS sold_day FROM changes c),
    buckets AS (
      SELECT %4$s, sum(sign)::int AS lines, sum(sign * quantity)::int AS quantity,
             sum(sign * revenue) AS revenue, sum(sign * cost) AS cost, sum(sign * profit) AS profit,
             max(sold_day) FILTER (WHERE sign = 1) AS last_day
      FROM keyed GROUP BY %4$s
    ),
    touched AS (SELECT %4$s, "orderId", bool_or(sign = -1) AS had_old_line FROM keyed GROUP BY %4$s, "orderId"),
    new_ids AS MATERIALIZED (SELECT id FROM changes WHERE sign = 1),
    order_delta AS (%5$s)
    INSERT INTO %6$I AS r (%7$s, %8$s)
    SELECT %9$s, %10$s FROM buckets b LEFT JOIN order_delta o ON %11$s
    ON CONFLICT (%7$s) DO UPDATE SET %12$s
  $sql$, changes, keys_of_c, day_of_c, key_list, order_delta, target, target_keys, measures,
     (SELECT string_agg('b.k' || i, ', ' ORDER BY i) FROM generate_series(1, array_length(key_columns, 1)) i),
     values_list, buckets_match_orders, updates)];

  IF operation <> 'INSERT' THEN
    -- Buckets that lost their last line disappear, as a rebuild would leave them.
    statements := statements || format($sql$
      WITH changes AS (%1$s), k AS (SELECT DISTINCT %2$s FROM changes c)
      DELETE FROM %3$I r USING k WHERE %4$s AND r.lines = 0
    $sql$, changes, keys_of_c, target, target_in_keys);
    IF tracks_last_day THEN
      statements := statements || format($sql$
        WITH changes AS (%1$s), k AS (SELECT DISTINCT %2$s FROM changes c)
        UPDATE %3$I r SET "lastDay" = (SELECT max((s."soldAt" AT TIME ZONE 'Africa/Nairobi')::date) FROM "Sale" s WHERE %5$s)
        FROM k WHERE %4$s
      $sql$, changes, keys_of_c, target, target_in_keys, sale_in_target);
    END IF;
  END IF;
  RETURN statements;
END
$fn$;

CREATE OR REPLACE FUNCTION pulseboard_apply_sales_delta() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  columns CONSTANT text := 'id, "orderId", "soldAt", "businessUnitId", "branchId", "salespersonId", "productId", "customerId", quantity, revenue, cost, profit';
  changes text;
  statements text[] := ARRAY[]::text[];
  statement text;
  new_orders_only boolean := false;
  day CONSTANT text := $$(#."soldAt" AT TIME ZONE 'Africa/Nairobi')::date$$;
  month CONSTANT text := $$date_trunc('month', #."soldAt" AT TIME ZONE 'Africa/Nairobi')::date$$;
BEGIN
  changes := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT 1 AS sign, %s FROM new_rows', columns)
    WHEN 'DELETE' THEN format('SELECT -1 AS sign, %s FROM old_rows', columns)
    ELSE format('SELECT 1 AS sign, %1$s FROM new_rows UNION ALL SELECT -1, %1$s FROM old_rows', columns)
  END;
  IF TG_OP = 'INSERT' THEN
    SELECT NOT EXISTS (SELECT 1 FROM "Sale" s WHERE s."orderId" IN (SELECT "orderId" FROM new_rows) AND s.id NOT IN (SELECT id FROM new_rows))
      INTO new_orders_only;
  END IF;
  statements := statements || pulseboard_rollup_delta_sql(changes, TG_OP, new_orders_only, 'SalesHourlyRollup', ARRAY['hour', 'businessUnitId', 'branchId'],
    ARRAY[$$date_trunc('hour', #."soldAt", 'UTC')$$, '#."businessUnitId"', '#."branchId"'], true, false);
  statements := statements || pulseboard_rollup_delta_sql(changes, TG_OP, new_orders_only, 'SalesDailyRollup', ARRAY['day', 'businessUnitId', 'branchId', 'salespersonId', 'productId'],
    ARRAY[day, '#."businessUnitId"', '#."branchId"', '#."salespersonId"', '#."productId"'], false, false);
  statements := statements || pulseboard_rollup_delta_sql(changes, TG_OP, new_orders_only, 'SalesDailyBranchRollup', ARRAY['day', 'businessUnitId', 'branchId'],
    ARRAY[day, '#."businessUnitId"', '#."branchId"'], true, false);
  statements := statements || pulseboard_rollup_delta_sql(changes, TG_OP, new_orders_only, 'SalesDailySalespersonRollup', ARRAY['day', 'businessUnitId', 'branchId', 'salespersonId'],
    ARRAY[day, '#."businessUnitId"', '#."branchId"', '#."salespersonId"'], true, false);
  statements := statements || pulseboard_rollup_delta_sql(changes, TG_OP, new_orders_only, 'SalesMonthlyProductRollup', ARRAY['month', 'businessUnitId', 'branchId', 'productId'],
    ARRAY[month, '#."businessUnitId"', '#."branchId"', '#."productId"'], false, false);
  statements := statements || pulseboard_rollup_delta_sql(changes, TG_OP, new_orders_only, 'SalesDailyCustomerRollup', ARRAY['day', 'businessUnitId', 'branchId', 'customerId'],
    ARRAY[day, '#."businessUnitId"', '#."branchId"', '#."customerId"'], true, false);
  statements := statements || pulseboard_rollup_delta_sql(changes, TG_OP, new_orders_only, 'SalesMonthlyCustomerRollup', ARRAY['month', 'businessUnitId', 'branchId', 'customerId'],
    ARRAY[month, '#."businessUnitId"', '#."branchId"', '#."customerId"'], true, true);
  FOREACH statement IN ARRAY statements LOOP
    EXECUTE statement;
  END LOOP;
  -- Listeners (the local scheduler) refresh KPIs soon after; delivered at commit, once per transaction.
  PERFORM pg_notify('pulseboard_sales_changed', '');
  RETURN NULL;
END
$fn$;

-- Existing sales fill the new rollups.
INSERT INTO "SalesDailyBranchRollup" (day, "businessUnitId", "branchId", orders, lines, quantity, revenue, cost, profit)
SELECT ("soldAt" AT TIME ZONE 'Africa/Nairobi')::date, "businessUnitId", "branchId",
       count(DISTINCT "orderId")::int, count(*)::int, sum(quantity)::int, sum(revenue), sum(cost), sum(profit)
FROM "Sale" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

INSERT INTO "SalesDailySalespersonRollup" (day, "businessUnitId", "branchId", "salespersonId", orders, lines, quantity, revenue, cost, profit)
SELECT ("soldAt" AT TIME ZONE 'Africa/Nairobi')::date, "businessUnitId", "branchId", "salespersonId",
       count(DISTINCT "orderId")::int, count(*)::int, sum(quantity)::int, sum(revenue), sum(cost), sum(profit)
FROM "Sale" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;

INSERT INTO "SalesMonthlyProductRollup" (month, "businessUnitId", "branchId", "productId", lines, quantity, revenue, cost, profit)
SELECT date_trunc('month', "soldAt" AT TIME ZONE 'Africa/Nairobi')::date, "businessUnitId", "branchId", "productId",
       count(*)::int, sum(quantity)::int, sum(revenue), sum(cost), sum(profit)
FROM "Sale" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;

INSERT INTO "SalesDailyCustomerRollup" (day, "businessUnitId", "branchId", "customerId", orders, lines, quantity, revenue, cost, profit)
SELECT ("soldAt" AT TIME ZONE 'Africa/Nairobi')::date, "businessUnitId", "branchId", "customerId",
       count(DISTINCT "orderId")::int, count(*)::int, sum(quantity)::int, sum(revenue), sum(cost), sum(profit)
FROM "Sale" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;

INSERT INTO "SalesMonthlyCustomerRollup" (month, "businessUnitId", "branchId", "customerId", orders, lines, quantity, revenue, cost, profit, "lastDay")
SELECT date_trunc('month', "soldAt" AT TIME ZONE 'Africa/Nairobi')::date, "businessUnitId", "branchId", "customerId",
       count(DISTINCT "orderId")::int, count(*)::int, sum(quantity)::int, sum(revenue), sum(cost), sum(profit),
       max(("soldAt" AT TIME ZONE 'Africa/Nairobi')::date)
FROM "Sale" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
