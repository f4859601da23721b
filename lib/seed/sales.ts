// Generates the demo sales history (orders of 1–6 lines over 24 months) as a stream and
// writes it with COPY, so 200k+ rows never sit in memory as one string.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { formatScaled } from "../invoices/money";
import { createOrderClock, HOUR_MS, planSalesDays, toNairobiDate } from "./calendar";
import type { DemoCompany } from "./catalog";
import type { CustomerSeed, Segment } from "./customers";
import { idOf, type DimensionIds } from "./dimensions";
import { calculateLineAmounts, type LineAmounts } from "./money";
import { createRandom, WeightedTable, type Random } from "./random";

export const DEFAULT_SALE_LINES = 220_000;

export interface SaleLine {
  orderId: string;
  lineNo: number;
  soldAtMs: number;
  businessUnitId: number;
  branchId: number;
  salespersonId: number;
  productId: number;
  customerId: number;
  quantity: number;
  amounts: LineAmounts;
}

interface Terms {
  quantity: number;
  noDiscount: number;
  discount: readonly [number, number];
}

// Bigger buyers take bigger quantities and negotiate bigger discounts.
const SEGMENT_TERMS: Record<Segment, Terms> = {
  Retail: { quantity: 1, noDiscount: 0.65, discount: [0.01, 0.05] },
  Contractor: { quantity: 2.5, noDiscount: 0.3, discount: [0.03, 0.12] },
  Corporate: { quantity: 2, noDiscount: 0.2, discount: [0.05, 0.15] },
  Distributor: { quantity: 6, noDiscount: 0.05, discount: [0.08, 0.2] },
};
const LINES_PER_ORDER = new WeightedTable([1, 2, 3, 4, 5, 6], (_, index) => [30, 22, 18, 13, 10, 7][index] ?? 0);
// List prices are reviewed each January: earlier years sold for less.
const ANNUAL_PRICE_RISE = 1.03;
const MAX_DISCOUNT = 0.25;

interface SalesOptions {
  nowMs: number;
  lines: number;
  seed: number;
}

/** Builds the lookup tables once, then yields sale lines day by day in time order. */
export function* generateSales(company: DemoCompany, ids: DimensionIds, { nowMs, lines, seed }: SalesOptions): Generator<SaleLine> {
  const random = createRandom(seed + 4);
  const customers = new WeightedTable(company.customers, (customer) => customer.frequency);
  const sellers = new Map<string, WeightedTable<{ id: number; skill: number }>>();
  for (const branch of company.branches) {
    for (const unit of company.businessUnits) {
      const team = company.salespeople.filter((person) => person.branchCode === branch.code && person.businessUnit === unit.slug);
      const members = team.map((person) => ({ id: idOf(ids.salespeople, person.code), skill: person.skill }));
      sellers.set(`${branch.code}:${unit.slug}`, new WeightedTable(members, (member) => member.skill));
    }
  }
  const catalogs = new Map(
    company.businessUnits.map((unit) => {
      const products = company.products
        .filter((product) => product.businessUnit === unit.slug)
        .map((product) => ({ ...product, id: idOf(ids.products, product.sku) }));
      return [unit.slug, new WeightedTable(products, (product) => product.popularity)] as const;
    }),
  );
  const nowYear = toNairobiDate(nowMs).year;

  const drawCustomer = (at: number): CustomerSeed => {
    let customer = customers.draw(random);
    // Rejection keeps each customer's relative frequency among those active at that time.
    for (let tries = 0; tries < 50 && (at < customer.activeFromMs || at > customer.activeUntilMs); tries++)
      customer = customers.draw(random);
    return customer;
  };

  let orderNumber = 0;
  for (const day of planSalesDays(nowMs, lines, random)) {
    const clock = createOrderClock(day);
    const orders: { at: number; size: number }[] = [];
    for (let left = day.lines; left > 0;) {
      const size = Math.min(left, LINES_PER_ORDER.draw(random));
      orders.push({ at: clock(random), size });
      left -= size;
    }
    if (day.isToday) placeLatestInCurrentHour(orders, nowMs, random);
    orders.sort((a, b) => a.at - b.at);

    for (const { at, size } of orders) {
      orderNumber += 1;
      const orderId = `SO-${String(orderNumber).padStart(6, "0")}`;
      const customer = drawCustomer(at);
      const unit = random.next() < customer.orglightShare ? "orglight" : "perfil";
      const seller = sellers.get(`${customer.branchCode}:${unit}`)?.draw(random);
      const catalog = catalogs.get(unit);
      if (!seller || !catalog) throw new Error(`no salesperson or products for ${customer.branchCode}:${unit}`);
      const terms = SEGMENT_TERMS[customer.segment];
      const discount = drawDiscount(terms, seller.skill, random);
      const priceFactor = ANNUAL_PRICE_RISE ** (nowYear - toNairobiDate(at).year);
      const chosen = new Set<number>();
      for (let lineNo = 1; lineNo <= size; lineNo++) {
        let product = catalog.draw(random);
        for (let tries = 0; tries < 10 && chosen.has(product.id); tries++) product = catalog.draw(random);
        chosen.add(product.id);
        const quantity = Math.max(1, Math.round(product.typicalQuantity * terms.quantity * random.logNormal(0.7)));
        const unitPriceCents = Math.round(product.listPriceCents / priceFactor / 100) * 100;
        yield {
          orderId,
          lineNo,
          soldAtMs: at,
          businessUnitId: idOf(ids.businessUnits, unit),
          branchId: idOf(ids.branches, customer.branchCode),
          salespersonId: seller.id,
          productId: product.id,
          customerId: idOf(ids.customers, customer.code),
          quantity,
          amounts: calculateLineAmounts(quantity, unitPriceCents, product.unitCostCents, discount),
        };
      }
    }
  }
}

/** The live dashboard's current hour is never empty: move today's latest order into it if needed. */
function placeLatestInCurrentHour(orders: { at: number }[], nowMs: number, random: Random) {
  // Whole-hour offset: the UTC hour and the Nairobi hour start together.
  const hourStart = nowMs - (nowMs % HOUR_MS);
  const latest = orders.reduce<{ at: number } | undefined>((found, order) => (!found || order.at > found.at ? order : found), undefined);
  if (latest && latest.at < hourStart) latest.at = hourStart + Math.floor(random.next() * (nowMs - hourStart + 1));
}

/** Discount in ten-thousandths, in steps of half a percent; weaker sellers concede more. */
function drawDiscount(terms: Terms, skill: number, random: Random): number {
  if (random.chance(terms.noDiscount)) return 0;
  const rate = Math.min(MAX_DISCOUNT, random.between(...terms.discount) / Math.sqrt(skill));
  return Math.round(rate * 200) * 50;
}

export const COPY_SALES_SQL = `COPY "Sale" ("externalKey", "orderId", "soldAt", "businessUnitId", "branchId", "salespersonId", "productId",
  "customerId", quantity, "unitPrice", discount, revenue, cost, profit, source) FROM STDIN`;

function formatCopyRow(sale: SaleLine): string {
  const { amounts } = sale;
  // COPY text format: tab-separated; no value here can contain a tab, newline or backslash.
  return `seed:${sale.orderId}:${sale.lineNo}\t${sale.orderId}\t${new Date(sale.soldAtMs).toISOString()}\t${sale.businessUnitId}\t${sale.branchId}\t${sale.salespersonId}\t${sale.productId}\t${sale.customerId}\t${sale.quantity}\t${formatScaled(amounts.unitPrice, 4)}\t${formatScaled(amounts.discount, 4)}\t${formatScaled(amounts.revenue, 4)}\t${formatScaled(amounts.cost, 4)}\t${formatScaled(amounts.profit, 4)}\tSEED\n`;
}

export interface CopyResult {
  lines: number;
  orders: number;
}

/** Streams sale lines into "Sale" with COPY, in chunks of a few thousand rows. */
export async function copySales(
  client: pg.ClientBase,
  sales: Iterable<SaleLine>,
  onProgress: (lines: number) => void = () => {},
): Promise<CopyResult> {
  const result: CopyResult = { lines: 0, orders: 0 };
  async function* toChunks(): AsyncGenerator<string> {
    let chunk = "";
    for (const sale of sales) {
      chunk += formatCopyRow(sale);
      result.lines += 1;
      if (sale.lineNo === 1) result.orders += 1;
      if (result.lines % 5_000 === 0) {
        yield chunk;
        chunk = "";
        if (result.lines % 50_000 === 0) onProgress(result.lines);
        // Generating is all CPU, and a local server takes COPY data as fast as it comes: without a
        // turn of the event loop, a signal (Ctrl-C), a timer or another connection waits for the last row.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(toChunks()), client.query(copyFrom(COPY_SALES_SQL)));
  return result;
}
