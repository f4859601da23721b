// What a sample sales file sells, where and to whom: the demo seed's branches, sales team,
// products and customer codes, so a generated file joins the demo company. Drawn uniformly,
// or skewed the way real sales are (a few stores, products and customers take most lines).
import { BRANCHES } from "../seed/geography";
import { createProducts } from "../seed/products";
import { WeightedTable, type Random } from "../seed/random";
import { createSalespeople } from "../seed/salespeople";
import { csvField, formatCents } from "./sample-values";

export type SampleUnit = "orglight" | "perfil";

export const WALK_IN_CUSTOMER = "walk-in";
const WALK_IN_NAME = "Walk-in customer";
/** With skew, at least this share of lines is sold over the counter to no named customer. */
export const WALK_IN_SHARE = 0.3;
export const ZIPF_EXPONENT = 1.1;
// The demo seed's customers are CUS-00001 … CUS-02400 (DEFAULT_CUSTOMER_COUNT in ../seed/catalog.ts).
// Not imported: that module loads Faker, some 45 MB, for names the demo database already holds.
export const DEMO_CUSTOMER_COUNT = 2_400;

export interface SampleProduct {
  sku: string;
  /** name, product line and category, CSV-quoted where needed. */
  description: string;
  unitPriceCents: number;
  unitCost: string;
  typicalQuantity: number;
}

export interface SampleCustomer {
  code: string;
  /** Empty for the demo's customers: the database already names them, and a new one is named by its code. */
  name: string;
}

/** What the lines of one order share. */
export interface SampleOrder {
  id: string;
  unit: SampleUnit;
  region: string;
  branch: string;
  salesperson: string;
  customer: SampleCustomer;
  discount: string;
}

export interface SampleCatalog {
  /** `lines` is the order's size: walk-in sales are counted in lines, not orders. */
  drawOrder: (id: string, lines: number) => SampleOrder;
  drawProduct: (unit: SampleUnit) => SampleProduct;
}

interface Sampler<T> {
  draw: (random: Random) => T;
}

const uniform = <T>(items: readonly T[]): Sampler<T> => ({ draw: (random) => random.pick(items) });

/** Rank k (from 1) drawn with weight 1/k^s; the ranks go to the items in a seeded order. */
function zipf<T>(items: readonly T[], random: Random): Sampler<T> {
  const ranked = [...items];
  for (let i = ranked.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [ranked[i], ranked[j]] = [ranked[j] as T, ranked[i] as T];
  }
  return new WeightedTable(ranked, (_, index) => (index + 1) ** -ZIPF_EXPONENT);
}

export function createSampleCatalog(random: Random, skew: boolean): SampleCatalog {
  const spread = <T>(items: readonly T[]) => (skew ? zipf(items, random) : uniform(items));
  const team = new Map<string, string[]>();
  for (const person of createSalespeople(random)) {
    const key = `${person.branchCode}:${person.businessUnit}`;
    team.set(key, [...(team.get(key) ?? []), person.code]);
  }
  const products = createProducts(random).map((product) => ({
    unit: product.businessUnit,
    sku: product.sku,
    description: [product.name, product.line, product.category].map(csvField).join(","),
    unitPriceCents: product.listPriceCents,
    unitCost: formatCents(product.unitCostCents),
    typicalQuantity: product.typicalQuantity,
  }));
  const catalogs = {
    orglight: spread(products.filter((product) => product.unit === "orglight")),
    perfil: spread(products.filter((product) => product.unit === "perfil")),
  };
  const branches = spread(BRANCHES);
  const codes = Array.from({ length: DEMO_CUSTOMER_COUNT }, (_, index) => ({
    code: `CUS-${String(index + 1).padStart(5, "0")}`,
    name: "",
  }));
  const customers = spread(codes);
  const walkIn = { code: WALK_IN_CUSTOMER, name: WALK_IN_NAME };
  let lines = 0;
  let walkInLines = 0;

  const drawCustomer = (size: number) => {
    // At random, but never behind the walk-in share, so every file reaches it.
    const behind = walkInLines < WALK_IN_SHARE * (lines + size);
    const customer = skew && (behind || random.chance(WALK_IN_SHARE)) ? walkIn : customers.draw(random);
    lines += size;
    if (customer === walkIn) walkInLines += size;
    return customer;
  };

  return {
    drawOrder: (id, size) => {
      const unit: SampleUnit = random.chance(0.5) ? "orglight" : "perfil";
      const branch = branches.draw(random);
      return {
        id,
        unit,
        region: branch.regionCode,
        branch: branch.code,
        salesperson: random.pick(team.get(`${branch.code}:${unit}`) ?? []),
        customer: drawCustomer(size),
        discount: random.chance(0.15) ? random.pick(["0.05", "0.1"]) : "0",
      };
    },
    drawProduct: (unit) => catalogs[unit].draw(random),
  };
}
