// Exact sale-line arithmetic in integer ten-thousandths (the 4 decimals of the Sale
// columns), so revenue − cost = profit holds to the last digit, as PostgreSQL computes it.

const SCALE = 10_000n;

export interface LineAmounts {
  /** All in ten-thousandths of the currency unit, discount in ten-thousandths of 1. */
  unitPrice: bigint;
  discount: bigint;
  revenue: bigint;
  cost: bigint;
  profit: bigint;
}

export function calculateLineAmounts(
  quantity: number,
  unitPriceCents: number,
  unitCostCents: number,
  discountTenThousandths: number,
): LineAmounts {
  const units = BigInt(quantity);
  const unitPrice = BigInt(unitPriceCents) * 100n;
  const discount = BigInt(discountTenThousandths);
  // quantity × price × (1 − discount) has 8 decimals; round half up to 4, like numeric round().
  const revenue = (units * unitPrice * (SCALE - discount) + SCALE / 2n) / SCALE;
  const cost = units * BigInt(unitCostCents) * 100n;
  return { unitPrice, discount, revenue, cost, profit: revenue - cost };
}
