// Invoice numbers (client-safe).

/** Generated invoices are numbered per unit, so resetting one unit never leaves gaps in another's series. */
export function simulatorSeries(unitSlug: string): string {
  return `SIM-${unitSlug.toUpperCase()}`;
}

export function formatInvoiceNumber(series: string, number: number): string {
  return `${series}-${String(number).padStart(6, "0")}`;
}
