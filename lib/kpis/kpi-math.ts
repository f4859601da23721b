// Pure KPI arithmetic, shared by the snapshot and the analytics views.
import Decimal from "decimal.js";

/** Relative change from `previous` to `current`; null when there is no base to compare with. */
export function growth(current: Decimal.Value, previous: Decimal.Value): number | null {
  const base = new Decimal(previous);
  if (base.isZero()) return null;
  return new Decimal(current).minus(base).div(base.abs()).toNumber();
}

/** Profit as a share of revenue; null without revenue. */
export function margin(profit: Decimal.Value, revenue: Decimal.Value): number | null {
  const total = new Decimal(revenue);
  return total.isZero() ? null : new Decimal(profit).div(total).toNumber();
}

/** Revenue per order, rounded to cents; "0" without orders. */
export function averageTicket(revenue: Decimal.Value, orders: number): string {
  return orders === 0 ? "0" : new Decimal(revenue).div(orders).toDecimalPlaces(2).toString();
}
