-- CreateIndex
CREATE INDEX "Sale_orderId_idx" ON "Sale"("orderId");

-- Rollups kept exact on every write to "Sale", in the writer's own transaction:
-- statement-level triggers apply the net change of each INSERT, UPDATE or DELETE
-- (from its transition tables), so no writer (invoice generator, pipeline, psql) can forget.
-- Measures are sums, so they take the signed delta. Orders are distinct per hourly bucket:
-- a touched order counts +1 if it is in the bucket now but was not before, -1 the reverse.
-- Bulk loaders may disable these triggers and rebuild the rollups set-based instead.
CREATE FUNCTION pulseboard_apply_sales_delta() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  columns CONSTANT text := 'id, "orderId", "soldAt", "businessUnitId", "branchId", "salespersonId", "productId", quantity, revenue, cost, profit';
  changes text;
BEGIN
  changes := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT 1 AS sign, %s FROM new_rows', columns)
    WHEN 'DELETE' THEN format('SELECT -1 AS sign, %s FROM old_rows', columns)
    ELSE format('SELECT 1 AS sign, %1$s FROM new_rows UNION ALL SELECT -1, %1$s FROM old_rows', columns)
  END;

  -- Hourly buckets: UTC hour, unit, branch.
  EXECUTE format($sql$
    WITH changes AS MATERIALIZED (%s),
    buckets AS (
      SELECT date_trunc('hour', c."soldAt", 'UTC') AS hour, c."businessUnitId" AS unit, c."branchId" AS branch,
             sum(c.sign)::int AS lines, sum(c.sign * c.quantity)::int AS quantity,
             sum(c.sign * c.revenue) AS revenue, sum(c.sign * c.cost) AS cost, sum(c.sign * c.profit) AS profit
      FROM changes c GROUP BY 1, 2, 3
    ),
    touched AS (
      SELECT date_trunc('hour', c."soldAt", 'UTC') AS hour, c."businessUnitId" AS unit, c."branchId" AS branch, c."orderId",
             bool_or(c.sign = -1) AS had_old_line
      FROM changes c GROUP BY 1, 2, 3, 4
    ),
    new_ids AS MATERIALIZED (SELECT id FROM changes WHERE sign = 1),
    order_delta AS (
      -- Each touched order is looked up once by index; new row ids are one hashed set,
      -- so the cost grows with the rows changed, not with their square.
      SELECT t.hour, t.unit, t.branch, sum(
        (EXISTS (SELECT 1 FROM "Sale" s WHERE s."orderId" = t."orderId" AND s."businessUnitId" = t.unit AND s."branchId" = t.branch
                   AND s."soldAt" >= t.hour AND s."soldAt" < t.hour + interval '1 hour'))::int
        - (t.had_old_line
           OR EXISTS (SELECT 1 FROM "Sale" s WHERE s."orderId" = t."orderId" AND s."businessUnitId" = t.unit AND s."branchId" = t.branch
                        AND s."soldAt" >= t.hour AND s."soldAt" < t.hour + interval '1 hour'
                        AND s.id NOT IN (SELECT id FROM new_ids)))::int
      )::int AS orders
      FROM touched t GROUP BY 1, 2, 3
    )
    INSERT INTO "SalesHourlyRollup" AS h (hour, "businessUnitId", "branchId", orders, lines, quantity, revenue, cost, profit)
    SELECT b.hour, b.unit, b.branch, coalesce(o.orders, 0), b.lines, b.quantity, b.revenue, b.cost, b.profit
    FROM buckets b LEFT JOIN order_delta o ON o.hour = b.hour AND o.unit = b.unit AND o.branch = b.branch
    ON CONFLICT (hour, "businessUnitId", "branchId") DO UPDATE SET
      orders = h.orders + EXCLUDED.orders, lines = h.lines + EXCLUDED.lines, quantity = h.quantity + EXCLUDED.quantity,
      revenue = h.revenue + EXCLUDED.revenue, cost = h.cost + EXCLUDED.cost, profit = h.profit + EXCLUDED.profit
  $sql$, changes);

  -- Daily buckets: business-local day, unit, branch, salesperson, product.
  EXECUTE format($sql$
    WITH changes AS (%s)
    INSERT INTO "SalesDailyRollup" AS d (day, "businessUnitId", "branchId", "salespersonId", "productId", lines, quantity, revenue, cost, profit)
    SELECT (c."soldAt" AT TIME ZONE 'Africa/Nairobi')::date, c."businessUnitId", c."branchId", c."salespersonId", c."productId",
           sum(c.sign)::int, sum(c.sign * c.quantity)::int, sum(c.sign * c.revenue), sum(c.sign * c.cost), sum(c.sign * c.profit)
    FROM changes c GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (day, "businessUnitId", "branchId", "salespersonId", "productId") DO UPDATE SET
      lines = d.lines + EXCLUDED.lines, quantity = d.quantity + EXCLUDED.quantity,
      revenue = d.revenue + EXCLUDED.revenue, cost = d.cost + EXCLUDED.cost, profit = d.profit + EXCLUDED.profit
  $sql$, changes);

  -- Buckets that lost their last line disappear, as a rebuild would leave them.
  IF TG_OP <> 'INSERT' THEN
    EXECUTE format($sql$
      WITH changes AS (%s)
      DELETE FROM "SalesHourlyRollup" WHERE lines = 0 AND hour IN (SELECT date_trunc('hour', "soldAt", 'UTC') FROM changes)
    $sql$, changes);
    EXECUTE format($sql$
      WITH changes AS (%s)
      DELETE FROM "SalesDailyRollup" WHERE lines = 0 AND day IN (SELECT ("soldAt" AT TIME ZONE 'Africa/Nairobi')::date FROM changes)
    $sql$, changes);
  END IF;
  -- Listeners (the local scheduler) refresh KPIs soon after; delivered at commit, once per transaction.
  PERFORM pg_notify('pulseboard_sales_changed', '');
  RETURN NULL;
END
$fn$;

CREATE TRIGGER pulseboard_sales_inserted AFTER INSERT ON "Sale" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pulseboard_apply_sales_delta();
CREATE TRIGGER pulseboard_sales_updated AFTER UPDATE ON "Sale" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pulseboard_apply_sales_delta();
CREATE TRIGGER pulseboard_sales_deleted AFTER DELETE ON "Sale" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pulseboard_apply_sales_delta();
