// Whose invoices a caller sees: its business unit when scoped, else every unit (client-safe).
export interface InvoiceScope {
  /** null: every business unit. */
  businessUnitId: number | null;
}

export function invoiceScopeOf(user: { businessUnitId: number | null }): InvoiceScope {
  return { businessUnitId: user.businessUnitId };
}
