// Writes the demo company's dimension rows with multi-row INSERTs and maps each
// natural key (slug, code, sku) to the id the database gave it.
import type pg from "pg";

import { formatScaled } from "../invoices/money";
import type { DemoCompany } from "./catalog";

export interface DimensionIds {
  businessUnits: Map<string, number>;
  regions: Map<string, number>;
  branches: Map<string, number>;
  salespeople: Map<string, number>;
  products: Map<string, number>;
  customers: Map<string, number>;
}

// Stays well under PostgreSQL's 65,535 bind parameters per statement.
const ROWS_PER_INSERT = 1_000;

/** Inserts rows and returns natural key → id; `table`, `columns` and `key` are code constants, never input. */
async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  key: string,
  rows: readonly unknown[][],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const columnList = columns.map((column) => `"${column}"`).join(", ");
  for (let offset = 0; offset < rows.length; offset += ROWS_PER_INSERT) {
    const batch = rows.slice(offset, offset + ROWS_PER_INSERT);
    const tuples = batch.map((_, row) => `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(", ")})`);
    const result = await client.query<{ id: number; key: string }>(
      `INSERT INTO "${table}" (${columnList}) VALUES ${tuples.join(", ")} RETURNING id, "${key}" AS key`,
      batch.flat(),
    );
    for (const { id, key: value } of result.rows) ids.set(value, id);
  }
  return ids;
}

export function idOf(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`seed data refers to unknown key ${key}`);
  return id;
}

const formatCents = (cents: number) => formatScaled(BigInt(cents) * 100n, 4);

export async function insertDimensions(client: pg.ClientBase, company: DemoCompany): Promise<DimensionIds> {
  const businessUnits = await insertRows(
    client,
    "BusinessUnit",
    ["slug", "name"],
    "slug",
    company.businessUnits.map((unit) => [unit.slug, unit.name]),
  );
  const regions = await insertRows(
    client,
    "Region",
    ["code", "name"],
    "code",
    company.regions.map((region) => [region.code, region.name]),
  );
  const branches = await insertRows(
    client,
    "Branch",
    ["code", "name", "county", "regionId"],
    "code",
    company.branches.map((branch) => [branch.code, branch.name, branch.county, idOf(regions, branch.regionCode)]),
  );
  const salespeople = await insertRows(
    client,
    "Salesperson",
    ["code", "name", "branchId", "businessUnitId"],
    "code",
    company.salespeople.map((person) => [
      person.code,
      person.name,
      idOf(branches, person.branchCode),
      idOf(businessUnits, person.businessUnit),
    ]),
  );
  const products = await insertRows(
    client,
    "Product",
    ["sku", "name", "line", "category", "unitCost", "listPrice"],
    "sku",
    company.products.map((product) => [
      product.sku,
      product.name,
      product.line,
      product.category,
      formatCents(product.unitCostCents),
      formatCents(product.listPriceCents),
    ]),
  );
  const customers = await insertRows(
    client,
    "Customer",
    ["code", "name", "segment", "city"],
    "code",
    company.customers.map((customer) => [customer.code, customer.name, customer.segment, customer.city]),
  );
  return { businessUnits, regions, branches, salespeople, products, customers };
}
