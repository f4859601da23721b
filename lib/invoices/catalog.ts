import "server-only";

import { db } from "../server/db";
import { parseScaled } from "./money";

export interface CatalogUnit {
  id: number;
  slug: string;
  name: string;
  salespeople: { id: number; branchId: number }[];
  /** What the unit sells, weighted by how often it sold (from the daily rollups). */
  products: { id: number; listPrice: bigint; unitCost: bigint; weight: number }[];
}

/** The real dimensions generated invoices are made of. */
export interface InvoiceCatalog {
  units: CatalogUnit[];
  branchNames: Map<number, string>;
  customers: { id: number; name: string }[];
}

// Imports may add products or customers; a few minutes' delay before the generator uses them is fine.
const TTL_MS = 5 * 60_000;
const CUSTOMER_SAMPLE = 5_000;

let cached: { catalog: InvoiceCatalog; loadedAt: number } | undefined;

async function loadCatalog(): Promise<InvoiceCatalog> {
  const [units, salespeople, products, branches, customers] = await Promise.all([
    db.businessUnit.findMany({ select: { id: true, slug: true, name: true }, orderBy: { id: "asc" } }),
    db.salesperson.findMany({
      where: { businessUnitId: { not: null }, branchId: { not: null } },
      select: { id: true, branchId: true, businessUnitId: true },
    }),
    // Products carry no unit: each belongs to the unit that sold it most.
    db.$queryRaw<{ id: number; unitId: number; listPrice: string; unitCost: string; weight: number }[]>`
      SELECT p.id, x."businessUnitId" AS "unitId", p."listPrice"::text AS "listPrice", p."unitCost"::text AS "unitCost", x.lines::int AS weight
      FROM (SELECT "productId", "businessUnitId", sum(lines) AS lines,
                   row_number() OVER (PARTITION BY "productId" ORDER BY sum(lines) DESC, "businessUnitId") AS rank
            FROM "SalesDailyRollup" GROUP BY "productId", "businessUnitId") x
      JOIN "Product" p ON p.id = x."productId"
      WHERE x.rank = 1 AND x.lines > 0 AND p."listPrice" > 0`,
    db.branch.findMany({ select: { id: true, name: true } }),
    db.customer.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" }, take: CUSTOMER_SAMPLE }),
  ]);
  return {
    units: units.map((unit) => ({
      ...unit,
      salespeople: salespeople
        .filter((person) => person.businessUnitId === unit.id)
        .map((person) => ({ id: person.id, branchId: person.branchId! })),
      products: products
        .filter((product) => product.unitId === unit.id)
        .map((product) => ({
          id: product.id,
          listPrice: parseScaled(product.listPrice, 4),
          unitCost: parseScaled(product.unitCost, 4),
          weight: Math.max(1, product.weight),
        })),
    })),
    branchNames: new Map(branches.map((branch) => [branch.id, branch.name])),
    customers,
  };
}

/** The catalog, loaded once and kept for a few minutes (per process). */
export async function getInvoiceCatalog(now = Date.now()): Promise<InvoiceCatalog> {
  if (cached && now - cached.loadedAt < TTL_MS) return cached.catalog;
  const catalog = await loadCatalog();
  cached = { catalog, loadedAt: now };
  return catalog;
}

/** Units invoices can be generated for: with salespeople and products. */
export function isGeneratable(unit: CatalogUnit): boolean {
  return unit.salespeople.length > 0 && unit.products.length > 0;
}
