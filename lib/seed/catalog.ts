// The demo company in one value: business units, regions, branches, sales team,
// products and customers, all derived from one seed.
import { getHistoryStart } from "./calendar";
import { createCustomers, type CustomerSeed } from "./customers";
import { BRANCHES, BUSINESS_UNITS, REGIONS, type BranchSeed, type BusinessUnitSeed, type RegionSeed } from "./geography";
import { createProducts, type ProductSeed } from "./products";
import { createRandom } from "./random";
import { createSalespeople, type SalespersonSeed } from "./salespeople";

export const DEFAULT_CUSTOMER_COUNT = 2_400;

export interface DemoCompany {
  businessUnits: readonly BusinessUnitSeed[];
  regions: readonly RegionSeed[];
  branches: readonly BranchSeed[];
  salespeople: SalespersonSeed[];
  products: ProductSeed[];
  customers: CustomerSeed[];
}

export function createDemoCompany(seed: number, nowMs: number): DemoCompany {
  // Separate streams per dimension: adding a product does not reshuffle the customers.
  return {
    businessUnits: BUSINESS_UNITS,
    regions: REGIONS,
    branches: BRANCHES,
    salespeople: createSalespeople(createRandom(seed + 1)),
    products: createProducts(createRandom(seed + 2)),
    customers: createCustomers(createRandom(seed + 3), seed, DEFAULT_CUSTOMER_COUNT, getHistoryStart(nowMs), nowMs),
  };
}
