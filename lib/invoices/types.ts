// The invoice stream's shared shapes (client-safe): published on private-invoices[-bu-{slug}]
// as INVOICES_EVENT, read by the invoices page and the overview's ticker.
export const INVOICES_EVENT = "invoices.created";

export interface InvoiceSummary {
  id: number;
  /** Series and number, e.g. "SIM-ORGLIGHT-000123". */
  number: string;
  company: string;
  /** The business unit's display name, e.g. "Orglight". */
  businessUnit: string;
  branch: string;
  subtotal: string;
  vat: string;
  total: string;
  issuedAt: string;
}

export type GeneratorStateName = "RUNNING" | "IDLE";

/** GET /api/system/status: the generator as the caller sees it. */
export interface GeneratorStatusView {
  state: GeneratorStateName;
  ratePerSecond: number;
  durationSeconds: number;
  /** Invoices of the current (or last) run in the caller's scope. */
  produced: number;
  startedAt: string | null;
  endsAt: string | null;
  /** Slug of the unit the run generates for; null when it generates for every unit. */
  businessUnit: string | null;
}

/** The generator's settings and state, without `produced` (which depends on the receiver's scope). */
export type GeneratorStateChange = Omit<GeneratorStatusView, "produced">;

/** GET /api/stats: running totals of generated invoices in the caller's scope; money as decimal strings. */
export interface InvoiceStatsView {
  count: number;
  subtotal: string;
  vat: string;
  total: string;
  average: string;
}

export interface InvoicesCreatedEvent {
  /** Oldest first; a big tick arrives as several events in one batch. */
  invoices: InvoiceSummary[];
  /** Present when the generator changed: started, stopped, reset, or its run ended. */
  generator?: GeneratorStateChange;
  /**
   * Present after Reset removed generated invoices: of the unit with this display name
   * (as in InvoiceSummary.businessUnit), or of every unit when null. Subscribers refetch.
   */
  reset?: { businessUnit: string | null };
}
