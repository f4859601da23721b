// The sales rollup tables, declared once: the full rebuild, the pipeline's per-bucket recompute
// and the tests' exactness check are all generated from these definitions. (The Sale triggers,
// in the migrations, keep the same tables exact on every write.)
// An hour is date_trunc('hour', soldAt) in UTC (for a whole-hour offset such as Nairobi's UTC+3
// that is also a local hour); days and months are calendar days and months in the business time zone.
import pg from "pg";

import { BUSINESS_TIME_ZONE } from "../time/business-time";

type Expression = (alias: string) => string;
/** The [from, to) range of "soldAt" that falls in the time bucket `value`. */
type Span = (value: string) => readonly [from: string, to: string];

export interface RollupTable {
  table: string;
  /** Bucket columns and how each is computed from a "Sale" row; the first is the time bucket, with its span. */
  keys: readonly [readonly [column: string, expression: Expression, span: Span], ...(readonly [column: string, expression: Expression])[]];
  /** Distinct orders per bucket (they add up across buckets, as an order is one hour, unit and branch). */
  orders: boolean;
  /** The last business day with a sale in the bucket. */
  lastDay: boolean;
}

const column =
  (name: string): Expression =>
  (alias) =>
    `${alias}."${name}"`;
const hour: Expression = (alias) => `date_trunc('hour', ${alias}."soldAt", 'UTC')`;
export const businessDay: Expression = (alias) => `(${alias}."soldAt" AT TIME ZONE '${BUSINESS_TIME_ZONE}')::date`;
const businessMonth: Expression = (alias) => `date_trunc('month', ${alias}."soldAt" AT TIME ZONE '${BUSINESS_TIME_ZONE}')::date`;
const businessMidnight = (date: string) => `(${date})::timestamp AT TIME ZONE '${BUSINESS_TIME_ZONE}'`;

type TimeKey = RollupTable["keys"][0];
const hourKey: TimeKey = ["hour", hour, (value) => [value, `${value} + interval '1 hour'`]];
const dayKey: TimeKey = ["day", businessDay, (value) => [businessMidnight(value), businessMidnight(`${value} + 1`)]];
const monthKey: TimeKey = ["month", businessMonth, (value) => [businessMidnight(value), businessMidnight(`${value} + interval '1 month'`)]];

const unit = ["businessUnitId", column("businessUnitId")] as const;
const branch = ["branchId", column("branchId")] as const;

export const SALES_ROLLUPS: readonly RollupTable[] = [
  { table: "SalesHourlyRollup", keys: [hourKey, unit, branch], orders: true, lastDay: false },
  {
    table: "SalesDailyRollup",
    keys: [dayKey, unit, branch, ["salespersonId", column("salespersonId")], ["productId", column("productId")]],
    orders: false,
    lastDay: false,
  },
  { table: "SalesDailyBranchRollup", keys: [dayKey, unit, branch], orders: true, lastDay: false },
  {
    table: "SalesDailySalespersonRollup",
    keys: [dayKey, unit, branch, ["salespersonId", column("salespersonId")]],
    orders: true,
    lastDay: false,
  },
  {
    table: "SalesMonthlyProductRollup",
    keys: [monthKey, unit, branch, ["productId", column("productId")]],
    orders: false,
    lastDay: false,
  },
  {
    table: "SalesDailyCustomerRollup",
    keys: [dayKey, unit, branch, ["customerId", column("customerId")]],
    orders: true,
    lastDay: false,
  },
  {
    table: "SalesMonthlyCustomerRollup",
    keys: [monthKey, unit, branch, ["customerId", column("customerId")]],
    orders: true,
    lastDay: true,
  },
];

/** The columns "Sale" rows need for every rollup's keys (the pipeline records touched rows with these). */
export const ROLLUP_SOURCE_COLUMNS = ["soldAt", "businessUnitId", "branchId", "salespersonId", "productId", "customerId"] as const;

const quote = (name: string) => `"${name}"`;

/** The rollup's columns, in the order `measuresOf` produces them after the keys. */
export function columnsOf(rollup: RollupTable): string {
  return [
    ...rollup.keys.map(([name]) => quote(name)),
    ...(rollup.orders ? ["orders"] : []),
    "lines",
    "quantity",
    "revenue",
    "cost",
    "profit",
    ...(rollup.lastDay ? [`"lastDay"`] : []),
  ].join(", ");
}

/** The rollup's measures over rows of "Sale", or over lines already summed per order (see ORDER_KEYS). */
function measuresOf(rollup: RollupTable, alias: string, { perOrder = false } = {}): string {
  return [
    ...(rollup.orders ? [`count(DISTINCT ${alias}."orderId")::int`] : []),
    perOrder ? `sum(${alias}.lines)::int` : "count(*)::int",
    `sum(${alias}.quantity)::int`,
    `sum(${alias}.revenue)`,
    `sum(${alias}.cost)`,
    `sum(${alias}.profit)`,
    ...(rollup.lastDay ? [`max(${perOrder ? `${alias}."day"` : businessDay(alias)})`] : []),
  ].join(", ");
}

const ordinals = (rollup: RollupTable) => rollup.keys.map((_, index) => index + 1).join(", ");

/** Every bucket of the rollup, computed from all of "Sale". */
export function rebuildSelectOf(rollup: RollupTable): string {
  const keys = rollup.keys.map(([, expression]) => expression("s")).join(", ");
  return `SELECT ${keys}, ${measuresOf(rollup, "s")} FROM "Sale" s GROUP BY ${ordinals(rollup)}`;
}

// Inserts sorted by primary key: appending to an index is far cheaper than inserting at random.
const rebuildSql = (rollup: RollupTable) =>
  `INSERT INTO ${quote(rollup.table)} (${columnsOf(rollup)}) ${rebuildSelectOf(rollup)} ORDER BY ${ordinals(rollup)}`;

export const ROLLUP_TABLES = SALES_ROLLUPS.map((rollup) => rollup.table);

/**
 * SQL that recomputes the buckets touched by the rows of `touched` (a table with
 * ROLLUP_SOURCE_COLUMNS), per rollup: the distinct touched keys, then each bucket summed
 * from "Sale" on its own, by plain columns and a "soldAt" range, so an index on (column,
 * "soldAt") reads that bucket's rows and nothing else. (As one join, the planner misjudged
 * the range and compared every touched bucket with every row of its branch or customer:
 * minutes for a walk-in customer with most of the lines.)
 */
export function recomputeTouchedSql(touched: string): string[] {
  return SALES_ROLLUPS.flatMap((rollup, index) => {
    const keys = `rollup_keys_${index}`;
    const [[, timeOf, span], ...others] = rollup.keys;
    const keyNames = rollup.keys.map((_, position) => `k${position}`);
    const [from, to] = span("k.k0");
    const inBucket = [
      ...others.map(([name], position) => `s.${quote(name)} = k.k${position + 1}`),
      `s."soldAt" >= ${from}`,
      `s."soldAt" < ${to}`,
    ];
    const matches = keyNames.map((name, position) => `k.${name} = r.${quote(rollup.keys[position]![0])}`).join(" AND ");
    return [
      `CREATE TEMP TABLE ${keys} ON COMMIT DROP AS
       SELECT DISTINCT ${[timeOf("t"), ...others.map(([, expression]) => expression("t"))].map((sql, position) => `${sql} AS ${keyNames[position]}`).join(", ")}
       FROM ${touched} t`,
      `DELETE FROM ${quote(rollup.table)} r USING ${keys} k WHERE ${matches}`,
      // A bucket whose rows all moved elsewhere sums to no row at all.
      `INSERT INTO ${quote(rollup.table)} (${columnsOf(rollup)})
       SELECT ${keyNames.map((name) => `k.${name}`).join(", ")}, bucket.*
       FROM ${keys} k CROSS JOIN LATERAL (SELECT ${measuresOf(rollup, "s")} FROM "Sale" s WHERE ${inBucket.join(" AND ")} HAVING count(*) > 0) bucket
       ORDER BY ${ordinals(rollup)}`,
    ];
  });
}

// Rollups without a product key are summed over an order's lines first: an order's lines
// share its hour, unit, branch, salesperson and customer, so that is a quarter of the rows
// to sort for each of them (distinct-order counts stay exact: the order id is kept).
const byOrder = (rollup: RollupTable) => !rollup.keys.some(([name]) => name === "productId");
const ORDER_KEYS = [
  ...new Map(
    SALES_ROLLUPS.filter(byOrder)
      .flatMap((rollup) => rollup.keys)
      .concat([["day", businessDay]])
      .map((key) => [key[0], key] as const),
  ).values(),
];

/**
 * SQL that adds the rows of `added` (a table with "Sale"'s columns) to every rollup, bucket
 * by bucket. Exact only when none of their orders already has lines in "Sale", so that
 * distinct-order counts add up: the caller recomputes the buckets of any other rows.
 */
export function addToRollupsSql(added: string): string[] {
  const orders = `${added}_orders`;
  const orderKeys = ORDER_KEYS.map(([name, expression]) => `${expression("a")} AS ${quote(name)}`).join(", ");
  const groupOrders = `CREATE TEMP TABLE ${orders} ON COMMIT DROP AS
    SELECT ${orderKeys}, a."orderId", count(*)::int AS lines, sum(a.quantity)::int AS quantity,
           sum(a.revenue) AS revenue, sum(a.cost) AS cost, sum(a.profit) AS profit
    FROM ${added} a GROUP BY ${ORDER_KEYS.map((_, index) => index + 1).join(", ")}, a."orderId"`;
  return [
    groupOrders,
    ...SALES_ROLLUPS.map((rollup) => {
      const keys = rollup.keys.map(([name]) => quote(name)).join(", ");
      const sums = [...(rollup.orders ? ["orders"] : []), "lines", "quantity", "revenue", "cost", "profit"];
      const updates = [
        ...sums.map((name) => `${name} = r.${name} + excluded.${name}`),
        ...(rollup.lastDay ? [`"lastDay" = greatest(r."lastDay", excluded."lastDay")`] : []),
      ];
      const select = byOrder(rollup)
        ? `SELECT ${keys}, ${measuresOf(rollup, "a", { perOrder: true })} FROM ${orders} a`
        : `SELECT ${rollup.keys.map(([, expression]) => expression("a")).join(", ")}, ${measuresOf(rollup, "a")} FROM ${added} a`;
      return `INSERT INTO ${quote(rollup.table)} AS r (${columnsOf(rollup)})
        ${select} GROUP BY ${ordinals(rollup)} ORDER BY ${ordinals(rollup)}
        ON CONFLICT (${keys}) DO UPDATE SET ${updates.join(", ")}`;
    }),
  ];
}

async function runRebuild(client: pg.ClientBase): Promise<void> {
  await client.query(`TRUNCATE ${ROLLUP_TABLES.map(quote).join(", ")}`);
  for (const rollup of SALES_ROLLUPS) await client.query(rebuildSql(rollup));
}

/**
 * Recomputes every rollup from scratch. Given a client, runs inside the caller's
 * transaction (if any); given a pool, in a transaction of its own so readers never see them empty.
 */
export async function rebuildRollups(client: pg.ClientBase | pg.Pool): Promise<void> {
  if (!(client instanceof pg.Pool)) return runRebuild(client);
  const connection = await client.connect();
  try {
    await connection.query("BEGIN");
    await runRebuild(connection);
    await connection.query("COMMIT");
  } catch (error) {
    await connection.query("ROLLBACK");
    throw error;
  } finally {
    connection.release();
  }
}
