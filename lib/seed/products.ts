// Turns the product-line specs into priced products with SKUs and a demand weight.
import type { BusinessUnitSeed } from "./geography";
import { PRODUCT_LINES } from "./product-lines";
import type { Random } from "./random";

export interface ProductSeed {
  sku: string;
  name: string;
  line: string;
  category: string;
  businessUnit: BusinessUnitSeed["slug"];
  /** Money in integer cents, so sales arithmetic stays exact. */
  unitCostCents: number;
  listPriceCents: number;
  typicalQuantity: number;
  /** Relative demand within the business unit. */
  popularity: number;
}

const SKU_PREFIX: Record<BusinessUnitSeed["slug"], string> = { orglight: "ORG", perfil: "PER" };

/** Shop prices end in 5 or 0 shillings, or in 50 above a thousand. */
function roundToShelfPrice(shillings: number): number {
  const step = shillings < 1000 ? 5 : 50;
  return Math.max(step, Math.round(shillings / step) * step);
}

export function createProducts(random: Random): ProductSeed[] {
  const products: ProductSeed[] = [];
  for (const line of PRODUCT_LINES) {
    let number = 0;
    for (const spec of line.categories) {
      const [low, high] = spec.price;
      spec.variants.forEach((variant, index) => {
        // Variants are listed cheapest first: spread prices geometrically between the bounds.
        const position = spec.variants.length === 1 ? 0 : index / (spec.variants.length - 1);
        const listPrice = roundToShelfPrice(low * (high / low) ** position * random.between(0.95, 1.05));
        const margin = Math.min(0.7, Math.max(0.05, line.margin * random.logNormal(0.12)));
        number += 1;
        products.push({
          sku: `${SKU_PREFIX[line.businessUnit]}-${line.code}-${String(number).padStart(4, "0")}`,
          name: `${spec.base} ${variant}`,
          line: line.name,
          category: spec.category,
          businessUnit: line.businessUnit,
          unitCostCents: Math.round(listPrice * 100 * (1 - margin)),
          listPriceCents: listPrice * 100,
          typicalQuantity: spec.quantity,
          popularity: random.logNormal(0.45),
        });
      });
    }
  }
  // A few best sellers and a few slow movers per unit, so product rankings have clear ends.
  for (const unit of ["orglight", "perfil"] as const) {
    const ofUnit = products.filter((product) => product.businessUnit === unit);
    for (let i = 0; i < 3; i++) random.pick(ofUnit).popularity *= 5;
    for (let i = 0; i < 4; i++) random.pick(ofUnit).popularity *= 0.05;
  }
  return products;
}
