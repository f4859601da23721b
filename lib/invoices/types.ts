// The invoice stream's shared shapes (client-safe): published on private-invoices[-bu-{slug}]
// as INVOICES_EVENT, read by the invoices page and the overview's ticker.
export const INVOICES_EVENT = "invoices.created";

export interface InvoiceSummary {
  id: number;
  /** Series and number, e.g. "SIM-000123". */
  number: string;
  company: string;
  businessUnit: string;
  branch: string;
  subtotal: string;
  vat: string;
  total: string;
  issuedAt: string;
}

export interface InvoicesCreatedEvent {
  invoices: InvoiceSummary[];
}
